package io.partnerportal.experiences.domain.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field of a form.
 *
 * @param options the choices of select and multi_select fields (empty otherwise)
 */
public record FormField(String key, String label, FieldType type, boolean required, List<Option> options) {

    public static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

    public record Option(String key, String label) {
    }

    public FormField {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a field key: " + key);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        options = List.copyOf(options);
    }

    public boolean hasOption(String optionKey) {
        return options.stream().anyMatch(o -> o.key().equals(optionKey));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", key);
        json.put("label", label);
        json.put("type", type.jsonName());
        json.put("required", required);
        json.put("options", options.stream().map(o -> Map.of("key", o.key(), "label", o.label())).toList());
        return json;
    }
}
