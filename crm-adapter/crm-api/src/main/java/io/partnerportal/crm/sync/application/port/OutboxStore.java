package io.partnerportal.crm.sync.application.port;

import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.crm.sync.domain.OutboxEntry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The transactional outbox of CRM write-backs (table {@code crm.outbox}). */
public interface OutboxStore {

    /** Adds entries in the caller's transaction (the one that changed the property). */
    void add(List<OutboxEntry> entries);

    /**
     * Claims due pending entries of a CRM for one delivery attempt ({@code FOR UPDATE SKIP LOCKED}, so
     * instances never claim the same entry): counts the attempt and leases the entry, so nobody else
     * tries it before the lease ends. An entry waits while an earlier change of the same CRM field of the
     * same record is not delivered, so the CRM receives changes in order.
     */
    List<OutboxEntry> claim(String system, int limit, Duration lease);

    /** @return false when the entry was not pending any more (an admin or another instance acted) */
    boolean markDelivered(UUID id);

    void reschedule(UUID id, String error, Duration delay);

    void markFailed(UUID id, String error);

    Page<OutboxEntry> list(OutboxEntry.Status status, PageRequest page);

    Optional<OutboxEntry> find(UUID id);

    /** The portal properties of a CRM record with a write-back not delivered yet (pending or failed). */
    java.util.Set<String> undeliveredProperties(String system, io.partnerportal.crm.spi.CrmObject object, String crmId);

    /** A failed or pending entry becomes due now with a fresh round of attempts. */
    boolean retry(UUID id);
}
