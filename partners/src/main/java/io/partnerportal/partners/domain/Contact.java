package io.partnerportal.partners.domain;

import io.partnerportal.partners.api.PortalStatus;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A contact of a partner: model fields, its effective role key, CRM ids and property values (typed,
 * by key). The language is the {@code language} property.
 */
public record Contact(UUID id, UUID partnerId, String email, String firstName, String lastName,
                      PortalStatus portalStatus, Instant lastLogin, String role, Map<String, String> crmIds,
                      Map<String, Object> values, long version, Instant createdAt, Instant updatedAt) {

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(portalStatus, "portalStatus");
        Objects.requireNonNull(role, "role");
        crmIds = Collections.unmodifiableMap(new TreeMap<>(crmIds));
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The system property values (model fields) by key. */
    public Map<String, Object> systemValues() {
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("email", email);
        system.put("first_name", firstName);
        system.put("last_name", lastName);
        system.put("portal_status", statusKey(portalStatus));
        system.put("last_login", lastLogin);
        system.put("created_at", createdAt);
        system.put("role", role);
        return system;
    }

    public String language() {
        Object language = values.get("language");
        return language instanceof String s ? s : null;
    }

    public static String statusKey(PortalStatus status) {
        return status == null ? null : status.name().toLowerCase(Locale.ROOT);
    }

    public Contact withRole(String newRole, long newVersion, Instant at) {
        return new Contact(id, partnerId, email, firstName, lastName, portalStatus, lastLogin, newRole, crmIds, values,
                newVersion, createdAt, at);
    }

    public Contact withStatus(PortalStatus status, long newVersion, Instant at) {
        return new Contact(id, partnerId, email, firstName, lastName, status, lastLogin, role, crmIds, values,
                newVersion, createdAt, at);
    }

    public Contact withLastLogin(Instant at) {
        return new Contact(id, partnerId, email, firstName, lastName, portalStatus, at, role, crmIds, values,
                version, createdAt, updatedAt);
    }

    public Contact withVersion(long newVersion, Instant at) {
        return new Contact(id, partnerId, email, firstName, lastName, portalStatus, lastLogin, role, crmIds, values,
                newVersion, createdAt, at);
    }
}
