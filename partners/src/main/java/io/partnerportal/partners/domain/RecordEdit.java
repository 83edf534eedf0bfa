package io.partnerportal.partners.domain;

import io.partnerportal.common.FieldError;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A requested change of a partner or contact, shaped like a JSON merge patch: only the members
 * present are changed, a {@code null} unsets. {@code fields} holds the top-level model fields
 * ({@code name}, {@code email}, ...), {@code crmIds} and {@code properties} are merged key by key.
 * Creation uses the same shape (absent means not set).
 *
 * @param shapeErrors errors already found in the request's shape (unknown members, wrong JSON types),
 *                    reported together with the value errors
 */
public record RecordEdit(Map<String, Object> fields, Map<String, Object> crmIds, Map<String, Object> properties,
                         List<FieldError> shapeErrors) {

    public RecordEdit {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        crmIds = Collections.unmodifiableMap(new LinkedHashMap<>(crmIds));
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        shapeErrors = List.copyOf(shapeErrors);
    }

    public static RecordEdit ofProperties(Map<String, Object> properties) {
        return new RecordEdit(Map.of(), Map.of(), properties, List.of());
    }

    public static RecordEdit ofFields(Map<String, Object> fields) {
        return new RecordEdit(fields, Map.of(), Map.of(), List.of());
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public Object field(String field) {
        return fields.get(field);
    }

    public boolean isEmpty() {
        return fields.isEmpty() && crmIds.isEmpty() && properties.isEmpty();
    }
}
