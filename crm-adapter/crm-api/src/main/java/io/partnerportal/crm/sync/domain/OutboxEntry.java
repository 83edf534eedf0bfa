package io.partnerportal.crm.sync.domain;

import io.partnerportal.common.Actor;
import io.partnerportal.crm.spi.CrmObject;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One portal change of one CRM property waiting to be written to the CRM (or written, or given up).
 * Its id is the idempotency key of every delivery attempt.
 *
 * @param recordId the partner or contact that changed
 * @param field    the CRM field written
 * @param property the portal property that changed
 * @param value    the new value, JSON-like (null unsets)
 */
public record OutboxEntry(UUID id, long seq, String system, CrmObject object, String crmId, UUID recordId,
                          String field, String property, Object value, String cause, Actor actor, Status status,
                          int attempts, String lastError, Instant nextAttemptAt, Instant createdAt,
                          Instant deliveredAt) {

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(crmId, "crmId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(status, "status");
    }

    /** Where an entry stands. */
    public enum Status {
        /** Waiting for its first or next attempt. */
        PENDING,
        /** The CRM confirmed it. */
        DELIVERED,
        /** Given up (not retryable, or too many attempts); an admin may retry it. */
        FAILED;

        public String jsonName() {
            return name().toLowerCase();
        }

        public static Status fromJson(String name) {
            for (Status s : values()) {
                if (s.jsonName().equals(name)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown status " + name);
        }
    }
}
