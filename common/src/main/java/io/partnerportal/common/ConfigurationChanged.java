package io.partnerportal.common;

import java.time.Instant;
import java.util.Objects;

/**
 * An admin changed configuration: a segment, an audience on a tab, form, quote or profile
 * setting, a role, a catalogue entry. Every module publishes it inside the transaction of the
 * change; the audit module records it, so {@code GET /api/admin/audit} shows who changed what,
 * when, and how it looked before and after.
 *
 * @param entityType {@code segment}, {@code tab}, {@code experience}, {@code form}, {@code role},
 *                   {@code property}, {@code quote_settings}, {@code profile_settings}, ...
 * @param action     {@code created}, {@code updated}, {@code deleted}, {@code published}, ...
 * @param before     the entity as JSON-like data before the change (null on creation)
 * @param after      the entity after the change (null on deletion)
 */
public record ConfigurationChanged(String entityType, String entityId, String entityName, String action,
                                   Object before, Object after, Actor actor, Instant at) {

    public ConfigurationChanged {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        at = at == null ? Instant.now() : at;
    }
}
