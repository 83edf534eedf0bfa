package io.partnerportal.experiences.domain.form;

import io.partnerportal.experiences.domain.SegmentGate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A form partners fill in inside the portal: its fields, the properties a submission writes, and who
 * may submit it (everyone, or an audience).
 */
public record Form(String id, String name, List<FormField> fields, List<PropertyMapping> mappings,
                   SegmentGate submitAudience, long version, Instant createdAt, Instant updatedAt) {

    public static final int MAX_NAME = 200;
    public static final int MAX_FIELDS = 100;
    public static final int MAX_OPTIONS = 200;
    public static final int MAX_MAPPINGS = 50;

    public Form {
        fields = List.copyOf(fields);
        mappings = List.copyOf(mappings);
    }

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** The form's definition as JSON-like data (stored, answered and audited). */
    public Map<String, Object> definitionJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fields", fields.stream().map(FormField::toJson).toList());
        json.put("mappings", mappings.stream().map(PropertyMapping::toJson).toList());
        json.put("submitAudience", submitAudience.toJson());
        return json;
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.putAll(definitionJson());
        json.put("version", version);
        return json;
    }
}
