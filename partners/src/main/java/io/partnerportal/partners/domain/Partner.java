package io.partnerportal.partners.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A partner company: its model fields, CRM ids and property values (typed, by key; an unset value is
 * absent). The logo is the {@code logo} property.
 */
public record Partner(UUID id, String name, String website, Map<String, String> crmIds, Map<String, Object> values,
                      long version, Instant createdAt, Instant updatedAt) {

    public Partner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        crmIds = Collections.unmodifiableMap(new TreeMap<>(crmIds));
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The system property values (model fields) by key. */
    public Map<String, Object> systemValues() {
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("name", name);
        system.put("website", website);
        system.put("created_at", createdAt);
        return system;
    }

    public String logoUrl() {
        Object logo = values.get("logo");
        return logo instanceof String s ? s : null;
    }

    public Partner withVersion(long newVersion, Instant at) {
        return new Partner(id, name, website, crmIds, values, newVersion, createdAt, at);
    }
}
