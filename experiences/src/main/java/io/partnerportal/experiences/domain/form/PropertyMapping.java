package io.partnerportal.experiences.domain.form;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a submission writes to the partner directory: a property of the submitting contact or its
 * partner ({@code contact.language}, {@code partner.onboarding_phase}) set to a fixed value or to the
 * value submitted in one field.
 */
public sealed interface PropertyMapping permits PropertyMapping.FixedValue, PropertyMapping.FromField {

    /** {@code partner.<key>} or {@code contact.<key>}. */
    String property();

    Map<String, Object> toJson();

    default boolean isPartnerProperty() {
        return property().startsWith("partner.");
    }

    /** The key without its level prefix. */
    default String key() {
        return property().substring(property().indexOf('.') + 1);
    }

    /** @param value JSON-like: string, number, boolean or a list of option keys */
    record FixedValue(String property, Object value) implements PropertyMapping {
        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("property", property);
            json.put("value", value);
            return json;
        }
    }

    record FromField(String property, String field) implements PropertyMapping {
        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("property", property);
            json.put("field", field);
            return json;
        }
    }
}
