package io.partnerportal.partners.api;

import java.time.Instant;
import java.util.Map;

/**
 * A partner contact as other modules see it.
 *
 * @param role       the contact's effective role key (the default role when none is assigned); never null
 * @param properties portal and CRM property values by key (typed, see the package description)
 */
public record ContactRecord(String id, String partnerId, String email, String firstName, String lastName,
                            String language, PortalStatus portalStatus, Instant lastLogin, String role,
                            Map<String, String> crmIds, Map<String, Object> properties, long version,
                            Instant createdAt, Instant updatedAt) {

    public ContactRecord {
        crmIds = Map.copyOf(crmIds);
        properties = Map.copyOf(properties);
    }

    /** The value of any contact property, system ones included; null when unset. */
    public Object value(String key) {
        return switch (key) {
            case "email" -> email;
            case "first_name" -> firstName;
            case "last_name" -> lastName;
            case "portal_status" -> portalStatus == null ? null : portalStatus.name().toLowerCase();
            case "last_login" -> lastLogin;
            case "created_at" -> createdAt;
            case "role" -> role;
            default -> properties.get(key);
        };
    }

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? email : name;
    }
}
