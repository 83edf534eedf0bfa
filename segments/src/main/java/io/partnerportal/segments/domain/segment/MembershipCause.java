package io.partnerportal.segments.domain.segment;

import io.partnerportal.common.Actor;

import java.util.Map;

/**
 * Why membership changed, as recorded in history: the kind of trigger, its details (the property
 * with old and new value, the segment version, ...) and who caused it.
 *
 * @param type   {@code property_change}, {@code segment_edit}, {@code static_edit}, {@code recompute},
 *               {@code record_created}, {@code record_deleted}, {@code record_moved}, {@code role_change},
 *               {@code daily}, {@code cascade}
 * @param detail JSON-like details
 */
public record MembershipCause(String type, Map<String, Object> detail, Actor actor) {

    public MembershipCause {
        // old and new values may be null (unset), so no Map.copyOf
        detail = detail == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(detail));
    }

    public MembershipCause withDetail(String key, Object value) {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>(detail);
        d.put(key, value);
        return new MembershipCause(type, d, actor);
    }
}
