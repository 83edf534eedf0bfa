package io.partnerportal.crm.sync.adapter.scheduling;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.partnerportal.crm.sync.application.OutboxDelivery;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the CRM outbox every {@code portal.crm.outbox.poll-interval} (2 s) on every instance; the
 * claim ({@code FOR UPDATE SKIP LOCKED}) keeps instances from delivering the same entry. A full batch
 * is followed at once by the next one. Off with {@code portal.crm.outbox.worker-enabled=false}.
 */
@Singleton
@Requires(property = "portal.crm.outbox.worker-enabled", notEquals = "false")
class OutboxWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int MAX_BATCHES_PER_RUN = 20;

    private final OutboxDelivery delivery;

    OutboxWorker(OutboxDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(fixedDelay = "${portal.crm.outbox.poll-interval:2s}", initialDelay = "${portal.crm.outbox.poll-interval:2s}")
    void run() {
        try {
            for (int batch = 0; batch < MAX_BATCHES_PER_RUN && delivery.deliverDue() > 0; batch++) {
                // keep going while there is work
            }
        } catch (RuntimeException e) {
            LOG.warn("CRM outbox delivery failed: {}", e.getMessage(), e);
        }
    }
}
