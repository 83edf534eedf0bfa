package io.partnerportal.partners.domain;

import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyLevel;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The property definitions of one level, by key: what a write of that level is validated against. */
public final class LevelCatalogue {

    private final PropertyLevel level;
    private final Map<String, PropertyDefinition> byKey = new LinkedHashMap<>();
    private final String defaultRole;

    public LevelCatalogue(PropertyLevel level, Collection<PropertyDefinition> definitions, String defaultRole) {
        this.level = level;
        for (PropertyDefinition d : definitions) {
            if (d.level() == level) {
                byKey.put(d.key(), d);
            }
        }
        this.defaultRole = defaultRole;
    }

    public PropertyLevel level() {
        return level;
    }

    public Optional<PropertyDefinition> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public List<PropertyDefinition> all() {
        return List.copyOf(byKey.values());
    }

    /** The role a new contact gets when none is given (contact level only). */
    public String defaultRole() {
        return defaultRole;
    }
}
