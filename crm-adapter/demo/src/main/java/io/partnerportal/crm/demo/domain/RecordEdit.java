package io.partnerportal.crm.demo.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An admin's change of a demo CRM record, as if made in the CRM: top-level attributes and custom
 * {@code fields} (values: text, number, boolean, list of texts, or null to clear), merged key by key.
 */
public record RecordEdit(Map<String, String> attributes, Map<String, Object> fields) {

    public static final int MAX_FIELDS = 100;
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,99}");

    public RecordEdit {
        attributes = new LinkedHashMap<>(attributes);
        fields = new LinkedHashMap<>(fields);
    }

    /**
     * @param attributeNames the record's top-level attributes ({@code name}, {@code domain}, ...)
     * @param required       attributes a new record must have
     */
    public static RecordEdit parse(Map<String, Object> body, Set<String> attributeNames, Set<String> required) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String member = e.getKey();
            if (attributeNames.contains(member)) {
                if (e.getValue() == null && !required.contains(member)) {
                    attributes.put(member, null);
                } else if (e.getValue() instanceof String s && !s.isBlank() && s.length() <= 300) {
                    attributes.put(member, s.trim());
                } else {
                    errors.add(FieldError.at("/" + member, "invalid", member + " is a text of 1 to 300 characters"));
                }
            } else if ("fields".equals(member)) {
                if (!(e.getValue() instanceof Map<?, ?> map) || map.size() > MAX_FIELDS) {
                    errors.add(FieldError.at("/fields", "wrong_value_type", "fields is an object of at most "
                            + MAX_FIELDS + " custom fields"));
                    continue;
                }
                for (Map.Entry<?, ?> f : map.entrySet()) {
                    String key = String.valueOf(f.getKey());
                    if (!FIELD.matcher(key).matches()) {
                        errors.add(FieldError.at("/fields/" + key, "invalid", "a field name is letters, digits, '_' "
                                + "or '.'"));
                    } else if (!isValue(f.getValue())) {
                        errors.add(FieldError.at("/fields/" + key, "wrong_value_type", "a field value is a text, "
                                + "number, boolean, list of texts or null"));
                    } else {
                        fields.put(key, f.getValue());
                    }
                }
            } else {
                errors.add(FieldError.at("/" + member, "unknown_field", "'" + member + "' is not part of the record ("
                        + String.join(", ", attributeNames) + ", fields)"));
            }
        }
        for (String name : required) {
            if (!body.containsKey(name)) {
                errors.add(FieldError.at("/" + name, "required", name + " is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new RecordEdit(attributes, fields);
    }

    private static boolean isValue(Object v) {
        if (v == null || v instanceof String || v instanceof BigDecimal || v instanceof Boolean) {
            return true;
        }
        return v instanceof List<?> list && list.stream().allMatch(i -> i instanceof String);
    }
}
