package io.partnerportal.crm.sync.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConfigurationChanged;
import io.partnerportal.common.ConflictException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.crm.spi.CrmConnector;
import io.partnerportal.crm.spi.CrmDeliveryException;
import io.partnerportal.crm.spi.WriteBack;
import io.partnerportal.crm.sync.application.port.OutboxStore;
import io.partnerportal.crm.sync.domain.Backoff;
import io.partnerportal.crm.sync.domain.OutboxEntry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivers the outbox to the active CRM: claims due entries (safe with several instances), calls the
 * connector outside any transaction with the entry's id as idempotency key, then marks the entry
 * delivered, or schedules the next attempt with exponential backoff, or gives up (not retryable, or
 * too many attempts) until an admin retries it.
 */
@Singleton
public class OutboxDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final int MAX_ERROR_LENGTH = 1_000;

    private final ActiveConnector connector;
    private final OutboxStore outbox;
    private final Backoff backoff;
    private final Duration lease;
    private final int batchSize;
    private final ApplicationEventPublisher<ConfigurationChanged> audit;

    OutboxDelivery(ActiveConnector connector, OutboxStore outbox, ApplicationEventPublisher<ConfigurationChanged> audit,
                   @Value("${portal.crm.outbox.backoff-base:5s}") Duration backoffBase,
                   @Value("${portal.crm.outbox.backoff-max:15m}") Duration backoffMax,
                   @Value("${portal.crm.outbox.max-attempts:8}") int maxAttempts,
                   @Value("${portal.crm.outbox.lease:2m}") Duration lease,
                   @Value("${portal.crm.outbox.batch-size:50}") int batchSize) {
        this.connector = connector;
        this.outbox = outbox;
        this.audit = audit;
        this.backoff = new Backoff(backoffBase, backoffMax, maxAttempts);
        this.lease = lease;
        this.batchSize = batchSize;
    }

    /** Delivers what is due now; answers how many entries were attempted. */
    public int deliverDue() {
        Optional<CrmConnector> active = connector.get();
        if (active.isEmpty()) {
            return 0;
        }
        List<OutboxEntry> claimed = outbox.claim(active.get().system(), batchSize, lease);
        for (OutboxEntry entry : claimed) {
            deliver(active.get(), entry);
        }
        return claimed.size();
    }

    private void deliver(CrmConnector crm, OutboxEntry entry) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(entry.field(), entry.value());
        try {
            crm.deliver(new WriteBack(entry.id().toString(), entry.object(), entry.crmId(), fields));
            outbox.markDelivered(entry.id());
        } catch (CrmDeliveryException e) {
            failed(entry, e.getMessage(), e.retryable());
        } catch (RuntimeException e) {
            // an unexpected failure of the connector: assume it is transient
            failed(entry, e.getClass().getSimpleName() + ": " + e.getMessage(), true);
        }
    }

    private void failed(OutboxEntry entry, String message, boolean retryable) {
        String error = message == null ? "no message" : message.length() > MAX_ERROR_LENGTH
                ? message.substring(0, MAX_ERROR_LENGTH) : message;
        if (retryable && backoff.mayRetry(entry.attempts())) {
            Duration delay = backoff.delayAfter(entry.attempts());
            outbox.reschedule(entry.id(), error, delay);
            LOG.info("CRM write-back {} ({} {} {}) failed on attempt {}, next in {}: {}", entry.id(),
                    entry.object().jsonName(), entry.crmId(), entry.field(), entry.attempts(), delay, error);
        } else {
            outbox.markFailed(entry.id(), error);
            LOG.warn("CRM write-back {} ({} {} {}) failed after {} attempt(s), waiting for an admin: {}", entry.id(),
                    entry.object().jsonName(), entry.crmId(), entry.field(), entry.attempts(), error);
        }
    }

    public Page<OutboxEntry> list(OutboxEntry.Status status, PageRequest page) {
        return outbox.list(status, page);
    }

    /** An admin asks for a failed (or waiting) entry to be tried again now, with a fresh round of attempts. */
    @Transactional
    public OutboxEntry retry(String id, Actor actor) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw NotFoundException.of("Outbox entry", id);
        }
        OutboxEntry entry = outbox.find(uuid).orElseThrow(() -> NotFoundException.of("Outbox entry", id));
        if (entry.status() == OutboxEntry.Status.DELIVERED || !outbox.retry(uuid)) {
            throw new ConflictException("Outbox entry " + id + " was delivered already; there is nothing to retry.");
        }
        audit.publishEvent(new ConfigurationChanged("crm_outbox", id, entry.object().jsonName() + " " + entry.crmId()
                + " " + entry.field(), "retried", Map.of("status", entry.status().jsonName(), "attempts",
                entry.attempts()), Map.of("status", "pending", "attempts", 0), actor, null));
        return outbox.find(uuid).orElseThrow();
    }
}
