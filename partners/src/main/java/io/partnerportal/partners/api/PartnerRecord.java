package io.partnerportal.partners.api;

import java.time.Instant;
import java.util.Map;

/**
 * A partner company as other modules see it.
 *
 * @param properties portal and CRM property values by key (typed, see the package description)
 */
public record PartnerRecord(String id, String name, String website, String logoUrl, Map<String, String> crmIds,
                            Map<String, Object> properties, long version, Instant createdAt, Instant updatedAt) {

    public PartnerRecord {
        crmIds = Map.copyOf(crmIds);
        properties = Map.copyOf(properties);
    }

    /** The value of any partner property, system ones included; null when unset. */
    public Object value(String key) {
        return switch (key) {
            case "name" -> name;
            case "website" -> website;
            case "created_at" -> createdAt;
            default -> properties.get(key);
        };
    }
}
