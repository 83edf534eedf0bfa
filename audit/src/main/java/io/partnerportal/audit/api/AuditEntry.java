package io.partnerportal.audit.api;

import io.partnerportal.common.Actor;

import java.time.Instant;

/** One recorded configuration change. {@code before}/{@code after} are JSON-like values. */
public record AuditEntry(long id, String entityType, String entityId, String entityName, String action, Object before,
                         Object after, Actor actor, Instant at) {
}
