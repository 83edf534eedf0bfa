package io.partnerportal.crm.sync.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.crm.spi.CrmObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which CRM field syncs with which portal property (companies with partner properties, people with
 * contact properties). A CRM property without a mapping is written back under its own key. (The
 * person field holding the partner role is the roles module's setting, see {@code crm.spi.CrmRoleMapping}.)
 */
public record CrmMapping(List<FieldMapping> fields, long version, Instant updatedAt) {

    public static final int MAX_FIELDS = 200;
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,99}");

    public CrmMapping {
        fields = List.copyOf(fields);
    }

    public List<FieldMapping> of(CrmObject object) {
        return fields.stream().filter(f -> f.object() == object).toList();
    }

    /** The CRM field a portal property is written back to: its mapping, else its own key. */
    public String fieldFor(CrmObject object, String property) {
        return fields.stream().filter(f -> f.object() == object && f.property().equals(property))
                .map(FieldMapping::field).findFirst().orElse(property);
    }

    public Optional<FieldMapping> byProperty(CrmObject object, String property) {
        return fields.stream().filter(f -> f.object() == object && f.property().equals(property)).findFirst();
    }

    /**
     * Reads {@code {"fields": [{"object", "field", "property"}]}} and checks it against the
     * catalogue: every property exists at the object's level and is not a system property; no field and
     * no property is mapped twice for one object.
     *
     * @param properties the catalogue's properties of each object's level, by key
     */
    public static CrmMapping parse(Object rawFields, Map<CrmObject, Map<String, TargetProperty>> properties,
                                   List<FieldError> errors) {
        List<FieldMapping> fields = new ArrayList<>();
        if (!(rawFields instanceof List<?> list)) {
            errors.add(FieldError.at("/fields", rawFields == null ? "required" : "wrong_value_type",
                    "fields is a list of {object, field, property}"));
        } else if (list.size() > MAX_FIELDS) {
            errors.add(FieldError.at("/fields", "too_many_values", "at most " + MAX_FIELDS + " mapped fields"));
        } else {
            Set<String> seenFields = new HashSet<>();
            Set<String> seenProperties = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                FieldMapping m = mapping(list.get(i), "/fields/" + i, properties, seenFields, seenProperties, errors);
                if (m != null) {
                    fields.add(m);
                }
            }
        }
        return new CrmMapping(fields, 0, null);
    }

    private static FieldMapping mapping(Object raw, String pointer, Map<CrmObject, Map<String, TargetProperty>>
            properties, Set<String> seenFields, Set<String> seenProperties, List<FieldError> errors) {
        if (!(raw instanceof Map<?, ?> m)) {
            errors.add(FieldError.at(pointer, "wrong_value_type", "a mapping is {object, field, property}"));
            return null;
        }
        int before = errors.size();
        for (Object member : m.keySet()) {
            if (!Set.of("object", "field", "property").contains(String.valueOf(member))) {
                errors.add(FieldError.at(pointer + "/" + member, "unknown_field", "'" + member
                        + "' is not a field of a mapping (object, field, property)"));
            }
        }
        CrmObject object = null;
        try {
            object = CrmObject.fromJson(String.valueOf(m.get("object")));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.at(pointer + "/object", m.get("object") == null ? "required" : "unknown_option",
                    "object is company or person"));
        }
        Object field = m.get("field");
        if (!(field instanceof String f) || !FIELD.matcher(f).matches()) {
            errors.add(FieldError.at(pointer + "/field", field == null ? "required" : "invalid",
                    "field is a CRM field name (letters, digits, '_' or '.')"));
        } else if (object != null && !seenFields.add(object + ":" + f)) {
            errors.add(FieldError.at(pointer + "/field", "duplicate", "this CRM field is mapped already"));
        }
        Object property = m.get("property");
        if (!(property instanceof String p) || p.isBlank()) {
            errors.add(FieldError.at(pointer + "/property", "required", "property is a portal property key"));
        } else if (object != null) {
            TargetProperty target = properties.getOrDefault(object, Map.of()).get(p);
            String level = object == CrmObject.COMPANY ? "partner" : "contact";
            if (target == null) {
                errors.add(FieldError.at(pointer + "/property", "unknown_property", "there is no " + level
                        + " property '" + p + "'"));
            } else if (target.system()) {
                errors.add(FieldError.at(pointer + "/property", "system_property", "'" + level + "." + p
                        + "' is a system property (a field of the record) and cannot be synced"));
            } else if (!seenProperties.add(object + ":" + p)) {
                errors.add(FieldError.at(pointer + "/property", "duplicate", "this property is mapped already"));
            }
        }
        return errors.size() == before ? new FieldMapping(object, (String) field, (String) property) : null;
    }
}
