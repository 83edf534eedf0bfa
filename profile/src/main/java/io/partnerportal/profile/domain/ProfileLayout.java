package io.partnerportal.profile.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.UnknownMembers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered properties of the profile. Valid when every key is a known, unarchived partner property,
 * none repeats, and only properties that may be editable are editable.
 */
public record ProfileLayout(List<ProfileProperty> properties) {

    public static final int MAX_PROPERTIES = 100;
    private static final Set<String> ITEM_FIELDS = Set.of("key", "mode");

    public ProfileLayout {
        properties = List.copyOf(properties);
    }

    /**
     * Reads {@code [{"key", "mode"}]} at {@code /properties} and checks it against the catalogue.
     *
     * @param facts the partner properties of the catalogue, by key
     */
    public static ProfileLayout parse(Object raw, Map<String, PropertyFacts> facts, List<FieldError> errors) {
        List<ProfileProperty> properties = new ArrayList<>();
        if (!(raw instanceof List<?> list)) {
            errors.add(FieldError.at("/properties", raw == null ? "required" : "wrong_value_type",
                    "properties is a list of {key, mode} (mode read_only or editable)"));
            return new ProfileLayout(properties);
        }
        if (list.size() > MAX_PROPERTIES) {
            errors.add(FieldError.at("/properties", "too_many_values", "at most " + MAX_PROPERTIES + " properties"));
            return new ProfileLayout(properties);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/properties/" + i;
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                errors.add(FieldError.at(pointer, "wrong_value_type", "a property is {key, mode}"));
                continue;
            }
            errors.addAll(UnknownMembers.of(item.keySet(), ITEM_FIELDS, pointer,
                    member -> "'" + member + "' is not a field of a profile property (key, mode)"));
            Object key = item.get("key");
            PropertyFacts fact = null;
            if (!(key instanceof String k) || k.isBlank()) {
                errors.add(FieldError.at(pointer + "/key", "required", "key is required (a partner property key)"));
            } else if (!seen.add(k)) {
                errors.add(FieldError.at(pointer + "/key", "duplicate", "'" + k + "' is listed twice"));
            } else if ((fact = facts.get(k)) == null) {
                errors.add(FieldError.at(pointer + "/key", "unknown_property", "there is no partner property '" + k
                        + "'"));
            } else if (fact.archived()) {
                errors.add(FieldError.at(pointer + "/key", "archived_property", "'" + k + "' is archived"));
            }
            Object rawMode = item.get("mode");
            ProfileProperty.Mode mode = null;
            try {
                mode = ProfileProperty.Mode.fromJson(String.valueOf(rawMode));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.at(pointer + "/mode", rawMode == null ? "required" : "unknown_option",
                        "mode is read_only or editable"));
            }
            if (mode == ProfileProperty.Mode.EDITABLE && fact != null && !fact.mayBeEditable()) {
                errors.add(FieldError.at(pointer + "/mode", "not_editable", fact.whyReadOnly()));
            }
            if (key instanceof String k && mode != null) {
                properties.add(new ProfileProperty(k, mode));
            }
        }
        return new ProfileLayout(properties);
    }

    public Optional<ProfileProperty> find(String key) {
        return properties.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** Editable as configured and still allowed by the catalogue (which may have changed since). */
    public boolean isEditable(String key, Map<String, PropertyFacts> facts) {
        PropertyFacts fact = facts.get(key);
        return find(key).filter(p -> p.mode() == ProfileProperty.Mode.EDITABLE).isPresent()
                && fact != null && fact.mayBeEditable();
    }
}
