package io.partnerportal.partners.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.common.UnknownMembers;
import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.PropertyOption;
import io.partnerportal.partners.api.PropertySource;
import io.partnerportal.partners.api.PropertyType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the property catalogue: what a new property must look like, and which edits an
 * existing one accepts (label, options, CRM write-back, archiving; never its key, level or type).
 */
public final class CatalogueRules {

    public static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    public static final Pattern OPTION_KEY = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.\\-]{0,99}$");
    /** Keys that would be ambiguous next to the record's own fields in imports and filters. */
    public static final Set<String> RESERVED_KEYS = Set.of("id", "partner_id", "version", "properties", "crm_ids",
            "updated_at");
    public static final int MAX_LABEL_LENGTH = 200;
    public static final int MAX_OPTIONS = 1_000;

    private static final Set<String> NEW_FIELDS = Set.of("level", "key", "label", "type", "source", "options",
            "crmWritable");
    private static final Set<String> EDIT_FIELDS = Set.of("label", "options", "crmWritable", "archived");
    private static final Set<String> IMMUTABLE_FIELDS = Set.of("level", "key", "type", "source");

    private CatalogueRules() {
    }

    /** A new portal or CRM property from a request body; every problem is reported at once. */
    public static PropertyDefinition newDefinition(Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>(UnknownMembers.of(body.keySet(), NEW_FIELDS, "",
                field -> "'" + field + "' is not a field of a new property ("
                        + String.join(", ", NEW_FIELDS.stream().sorted().toList()) + ")"));
        PropertyLevel level = null;
        Object rawLevel = body.get("level");
        if (rawLevel instanceof String s && (s.equals("partner") || s.equals("contact"))) {
            level = PropertyLevel.fromPrefix(s);
        } else {
            errors.add(FieldError.at("/level", rawLevel == null ? "required" : "unknown_option",
                    "level is partner or contact"));
        }
        String key = null;
        Object rawKey = body.get("key");
        if (!(rawKey instanceof String s) || !KEY.matcher(s).matches()) {
            errors.add(FieldError.at("/key", rawKey == null ? "required" : "invalid_key", "key is a lower-case "
                    + "letter followed by lower-case letters, digits or '_' (at most 63)"));
        } else if (RESERVED_KEYS.contains(s)) {
            errors.add(FieldError.at("/key", "reserved_key", "'" + s + "' is reserved"));
        } else {
            key = s;
        }
        String label = label(body.get("label"), errors);
        PropertyType type = null;
        Object rawType = body.get("type");
        if (rawType instanceof String s) {
            try {
                type = PropertyType.fromJson(s);
                if (!type.jsonName().equals(s)) {
                    type = null;
                }
            } catch (IllegalArgumentException e) {
                type = null;
            }
        }
        if (type == null) {
            errors.add(FieldError.at("/type", rawType == null ? "required" : "unknown_option", "type is one of "
                    + "string, number, boolean, date, datetime, enum, multi_enum, user, url"));
        }
        PropertySource source = PropertySource.PORTAL;
        Object rawSource = body.get("source");
        if (rawSource != null) {
            if ("portal".equals(rawSource)) {
                source = PropertySource.PORTAL;
            } else if ("crm".equals(rawSource)) {
                source = PropertySource.CRM;
            } else {
                errors.add(FieldError.at("/source", "unknown_option", "source of a new property is portal or crm "
                        + "(system properties are the records' own fields)"));
            }
        }
        List<PropertyOption> options = options(body.get("options"), type, errors);
        boolean crmWritable = bool(body.get("crmWritable"), "/crmWritable", false, errors);
        fail(errors);
        return new PropertyDefinition(level, key, label, type, source, options, crmWritable, false);
    }

    /** The property after an admin edit of its label, options, CRM write-back or archived flag. */
    public static PropertyDefinition edit(PropertyDefinition current, Map<String, Object> patch) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String field = e.getKey();
            if (IMMUTABLE_FIELDS.contains(field)) {
                Object now = switch (field) {
                    case "level" -> current.level().prefix();
                    case "key" -> current.key();
                    case "type" -> current.type().jsonName();
                    default -> current.source().name().toLowerCase(Locale.ROOT);
                };
                if (!now.equals(e.getValue())) {
                    errors.add(FieldError.at(JsonPointer.of(field), "immutable", "a property's " + field
                            + " cannot change; create a new property instead"));
                }
            } else if (!EDIT_FIELDS.contains(field) && !field.equals("qualifiedKey") && !field.equals("readOnly")) {
                errors.add(FieldError.at(JsonPointer.of(field), "unknown_field", "'" + field + "' cannot be edited ("
                        + String.join(", ", EDIT_FIELDS.stream().sorted().toList()) + " can)"));
            }
        }
        String label = patch.containsKey("label") ? label(patch.get("label"), errors) : current.label();
        List<PropertyOption> options = patch.containsKey("options")
                ? options(patch.get("options"), current.type(), errors) : current.options();
        boolean crmWritable = patch.containsKey("crmWritable")
                ? bool(patch.get("crmWritable"), "/crmWritable", current.crmWritable(), errors) : current.crmWritable();
        boolean archived = patch.containsKey("archived")
                ? bool(patch.get("archived"), "/archived", current.archived(), errors) : current.archived();
        fail(errors);
        return new PropertyDefinition(current.level(), current.key(), label, current.type(), current.source(), options,
                crmWritable, archived);
    }

    /** The option keys {@code before} has and {@code after} lacks. */
    public static List<String> removedOptions(PropertyDefinition before, PropertyDefinition after) {
        return before.options().stream().map(PropertyOption::key).filter(k -> !after.hasOption(k)).toList();
    }

    /** Validates role options (the {@code contact.role} property, kept by the roles module). */
    public static List<PropertyOption> roleOptions(List<PropertyOption> roles, String defaultRole) {
        List<FieldError> errors = new ArrayList<>();
        List<Object> raw = new ArrayList<>();
        for (PropertyOption o : roles) {
            raw.add(Map.of("key", o.key() == null ? "" : o.key(), "label", o.label() == null ? "" : o.label()));
        }
        List<PropertyOption> options = options(raw, PropertyType.ENUM, errors);
        if (options.stream().noneMatch(o -> o.key().equals(defaultRole))) {
            errors.add(FieldError.at("/defaultRole", "unknown_option", "the default role must be one of the roles"));
        }
        fail(errors);
        return options;
    }

    private static String label(Object raw, List<FieldError> errors) {
        if (!(raw instanceof String s) || s.isBlank()) {
            errors.add(FieldError.at("/label", raw == null ? "required" : "wrong_type", "label is a non-blank string"));
            return null;
        }
        if (s.trim().length() > MAX_LABEL_LENGTH) {
            errors.add(FieldError.at("/label", "too_long", "label has at most " + MAX_LABEL_LENGTH + " characters"));
        }
        return s.trim();
    }

    private static boolean bool(Object raw, String pointer, boolean fallback, List<FieldError> errors) {
        if (raw == null) {
            return fallback;
        }
        if (raw instanceof Boolean b) {
            return b;
        }
        errors.add(FieldError.at(pointer, "wrong_type", pointer.substring(1) + " is true or false"));
        return fallback;
    }

    private static List<PropertyOption> options(Object raw, PropertyType type, List<FieldError> errors) {
        boolean needsOptions = type != null && type.hasOptions();
        if (raw == null || (raw instanceof List<?> l && l.isEmpty())) {
            if (needsOptions) {
                errors.add(FieldError.at("/options", "required", type.jsonName() + " properties need at least one option"));
            }
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            errors.add(FieldError.at("/options", "wrong_type", "options is a list of {\"key\", \"label\"}"));
            return List.of();
        }
        if (type != null && !needsOptions) {
            errors.add(FieldError.at("/options", "not_allowed", "only enum and multi_enum properties have options"));
            return List.of();
        }
        if (list.size() > MAX_OPTIONS) {
            errors.add(FieldError.at("/options", "too_many", "at most " + MAX_OPTIONS + " options"));
            return List.of();
        }
        List<PropertyOption> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String pointer = JsonPointer.append("/options", i);
            if (!(list.get(i) instanceof Map<?, ?> o)) {
                errors.add(FieldError.at(pointer, "wrong_type", "an option is {\"key\", \"label\"}"));
                continue;
            }
            Object key = o.get("key");
            Object label = o.get("label");
            boolean ok = true;
            if (!(key instanceof String k) || !OPTION_KEY.matcher(k).matches()) {
                errors.add(FieldError.at(pointer + "/key", "invalid_key", "an option key is letters, digits, '_', "
                        + "'.' or '-' (at most 100), starting with a letter or digit"));
                ok = false;
            } else if (!seen.add(k)) {
                errors.add(FieldError.at(pointer + "/key", "duplicate", "option key '" + k + "' appears twice"));
                ok = false;
            }
            if (!(label instanceof String l) || l.isBlank() || l.length() > MAX_LABEL_LENGTH) {
                errors.add(FieldError.at(pointer + "/label", "required", "an option label is a non-blank string of "
                        + "at most " + MAX_LABEL_LENGTH + " characters"));
                ok = false;
            }
            if (ok) {
                options.add(new PropertyOption((String) key, ((String) label).trim()));
            }
        }
        return options;
    }

    private static void fail(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
