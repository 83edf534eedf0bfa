package io.partnerportal.experiences.domain.form;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.Fields;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.experiences.domain.SegmentGate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a form must look like: fields with unique keys, options for choice fields, and property
 * mappings that fit the property catalogue — an unknown, system or archived property, a value the
 * property does not take, or a field whose answers the property cannot hold is a 422 pointing at the
 * mapping. Every problem at once.
 */
public final class FormRules {

    private static final Pattern PROPERTY = Pattern.compile("^(partner|contact)\\.[a-z][a-z0-9_]{0,62}$");
    private static final Set<String> FORM_FIELDS = Set.of("name", "fields", "mappings", "submitAudience", "version",
            "id", "createdAt", "updatedAt");

    private FormRules() {
    }

    /**
     * A form from a create or replace body, its mappings checked against the catalogue specs
     * ({@code catalogue} null: a stored form read back, whose mappings were checked when saved).
     */
    public static Form form(String id, Map<String, Object> body, Map<String, PropertySpec> catalogue, long version,
                            Instant createdAt, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Fields f = new Fields(body, "", errors);
        f.allowOnly(FORM_FIELDS);
        String name = f.string("name", true, Form.MAX_NAME);
        List<FormField> fields = fields(f, errors);
        List<PropertyMapping> mappings = mappings(f, fields, catalogue, errors);
        SegmentGate audience = f.has("submitAudience") && f.raw("submitAudience") != null
                ? SegmentGate.fromJson(f.raw("submitAudience"), "/submitAudience", errors) : SegmentGate.EVERYONE;
        Fields.failOn(errors);
        return new Form(id, name, fields, mappings, audience, version, createdAt, now);
    }

    private static List<FormField> fields(Fields f, List<FieldError> errors) {
        List<FormField> fields = new ArrayList<>();
        List<?> raw = f.list("fields", true, Form.MAX_FIELDS);
        if (raw == null) {
            return fields;
        }
        if (raw.isEmpty()) {
            f.error("fields", "empty", "a form has at least one field");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            Fields field = Fields.of(raw.get(i), JsonPointer.append("/fields", i), errors);
            if (field == null) {
                continue;
            }
            int before = errors.size();
            field.allowOnly(Set.of("key", "label", "type", "required", "options"));
            String key = field.string("key", true, 63);
            if (key != null && !FormField.KEY.matcher(key).matches()) {
                field.error("key", "invalid_key", "a field key is a lower-case letter followed by lower-case letters, "
                        + "digits or '_'");
            } else if (key != null && !keys.add(key)) {
                field.error("key", "duplicate", "the key '" + key + "' is used by another field");
            }
            String label = field.string("label", true, 200);
            Object rawType = field.raw("type");
            FieldType type = rawType instanceof String s ? FieldType.fromJson(s) : null;
            if (type == null) {
                field.error("type", rawType == null ? "required" : "unknown_option", "type is one of text, textarea, "
                        + "email, number, checkbox, date, select, multi_select");
            }
            boolean required = field.bool("required", false);
            List<FormField.Option> options = new ArrayList<>();
            List<?> rawOptions = field.list("options", type != null && type.hasOptions(), Form.MAX_OPTIONS);
            if (rawOptions != null) {
                if (type != null && !type.hasOptions() && !rawOptions.isEmpty()) {
                    field.error("options", "not_allowed", "only select and multi_select fields have options");
                } else if (rawOptions.isEmpty() && type != null && type.hasOptions()) {
                    field.error("options", "empty", "a choice field has at least one option");
                }
                Set<String> optionKeys = new HashSet<>();
                for (int j = 0; j < rawOptions.size(); j++) {
                    Fields o = Fields.of(rawOptions.get(j), JsonPointer.append(field.pointer("options"), j), errors);
                    if (o == null) {
                        continue;
                    }
                    o.allowOnly(Set.of("key", "label"));
                    String ok = o.string("key", true, 100);
                    String ol = o.string("label", true, 200);
                    if (ok != null && !optionKeys.add(ok)) {
                        o.error("key", "duplicate", "option '" + ok + "' appears twice");
                    } else if (ok != null && ol != null) {
                        options.add(new FormField.Option(ok, ol));
                    }
                }
            }
            if (errors.size() == before) {
                fields.add(new FormField(key, label, type, required, options));
            }
        }
        return fields;
    }

    private static List<PropertyMapping> mappings(Fields f, List<FormField> fields, Map<String, PropertySpec> catalogue,
                                                  List<FieldError> errors) {
        List<PropertyMapping> mappings = new ArrayList<>();
        List<?> raw = f.list("mappings", false, Form.MAX_MAPPINGS);
        if (raw == null) {
            return mappings;
        }
        Set<String> mapped = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            Fields m = Fields.of(raw.get(i), JsonPointer.append("/mappings", i), errors);
            if (m == null) {
                continue;
            }
            int before = errors.size();
            m.allowOnly(Set.of("property", "value", "field"));
            String property = m.string("property", true, 130);
            PropertySpec spec = null;
            if (property != null && catalogue == null) {
                // a stored form: it was checked against the catalogue when saved
                if (m.has("field")) {
                    mappings.add(new PropertyMapping.FromField(property, m.string("field", true, 63)));
                } else {
                    mappings.add(new PropertyMapping.FixedValue(property, m.raw("value")));
                }
                continue;
            }
            if (property != null) {
                spec = catalogue.get(property);
                if (!PROPERTY.matcher(property).matches() || spec == null) {
                    m.error("property", "unknown_property", "'" + property + "' is not a property of the catalogue "
                            + "(partner.<key> or contact.<key>, GET /api/admin/properties)");
                    spec = null;
                } else if (spec.system()) {
                    m.error("property", "read_only", property + " is a system property: forms cannot write it");
                    spec = null;
                } else if (spec.archived()) {
                    m.error("property", "archived_property", property + " is archived and takes no new values");
                    spec = null;
                } else if (!mapped.add(property)) {
                    m.error("property", "duplicate", property + " is mapped twice");
                }
            }
            boolean hasValue = m.has("value");
            boolean hasField = m.has("field");
            if (hasValue == hasField) {
                m.error(hasValue ? "field" : "value", "required", "a mapping has exactly one of value (a fixed value) "
                        + "or field (the key of a field whose answer is written)");
                continue;
            }
            if (hasField) {
                String fieldKey = m.string("field", true, 63);
                FormField field = fieldKey == null ? null : fields.stream().filter(x -> x.key().equals(fieldKey))
                        .findFirst().orElse(null);
                if (fieldKey != null && field == null) {
                    m.error("field", "unknown_field", "the form has no field '" + fieldKey + "'");
                } else if (field != null && spec != null) {
                    checkFieldFits(m, field, spec);
                }
                if (errors.size() == before && property != null) {
                    mappings.add(new PropertyMapping.FromField(property, fieldKey));
                }
            } else {
                Object value = spec == null ? null : fixedValue(m, spec);
                if (errors.size() == before && property != null) {
                    mappings.add(new PropertyMapping.FixedValue(property, value));
                }
            }
        }
        return mappings;
    }

    private static void checkFieldFits(Fields m, FormField field, PropertySpec spec) {
        if (!field.type().fits(spec.type())) {
            m.error("field", "incompatible_field", "a " + field.type().jsonName() + " field cannot be written to "
                    + spec.property() + " (" + spec.type() + ")");
            return;
        }
        if (spec.type().equals("enum") || spec.type().equals("multi_enum")) {
            List<String> missing = field.options().stream().map(FormField.Option::key)
                    .filter(k -> !spec.optionKeys().contains(k)).toList();
            if (!missing.isEmpty()) {
                m.error("field", "unknown_option", "options " + missing + " of field '" + field.key() + "' are not "
                        + "options of " + spec.property() + " (" + String.join(", ", spec.optionKeys()) + ")");
            }
        }
    }

    /** The fixed value, normalised for the property type (null and an error when it does not fit). */
    private static Object fixedValue(Fields m, PropertySpec spec) {
        Object v = m.raw("value");
        String bad = "a fixed value for " + spec.property() + " (" + spec.type() + ")";
        switch (spec.type()) {
            case "string", "url", "user" -> {
                if (v instanceof String s && !s.isBlank() && s.length() <= 1000) {
                    return s;
                }
            }
            case "number" -> {
                if (v instanceof BigDecimal || v instanceof Number) {
                    return v;
                }
            }
            case "boolean" -> {
                if (v instanceof Boolean) {
                    return v;
                }
            }
            case "date" -> {
                if (v instanceof String s && parses(s)) {
                    return s;
                }
            }
            case "datetime" -> {
                if (v instanceof String s) {
                    try {
                        Instant.parse(s);
                        return s;
                    } catch (DateTimeParseException e) {
                        // reported below
                    }
                }
            }
            case "enum" -> {
                if (v instanceof String s && spec.optionKeys().contains(s)) {
                    return s;
                }
                m.error("value", "unknown_option", bad + " is one of " + String.join(", ", spec.optionKeys()));
                return null;
            }
            case "multi_enum" -> {
                if (v instanceof List<?> list && list.stream().allMatch(x -> x instanceof String s
                        && spec.optionKeys().contains(s))) {
                    return list;
                }
                m.error("value", "unknown_option", bad + " is a list of " + String.join(", ", spec.optionKeys()));
                return null;
            }
            default -> {
            }
        }
        m.error("value", "wrong_value_type", bad + " must be a " + spec.type() + " value");
        return null;
    }

    private static boolean parses(String date) {
        try {
            LocalDate.parse(date);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
