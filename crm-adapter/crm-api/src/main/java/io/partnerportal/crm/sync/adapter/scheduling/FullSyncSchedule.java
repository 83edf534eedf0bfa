package io.partnerportal.crm.sync.adapter.scheduling;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.partnerportal.crm.sync.application.FullSync;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic full pass over the CRM ({@code portal.crm.full-sync.interval}, 1 h; the first after
 * {@code portal.crm.full-sync.initial-delay}, 5 min). One instance runs it (advisory lock). Off with
 * {@code portal.crm.full-sync.enabled=false}.
 */
@Singleton
@Requires(property = "portal.crm.full-sync.enabled", notEquals = "false")
class FullSyncSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(FullSyncSchedule.class);

    private final FullSync fullSync;

    FullSyncSchedule(FullSync fullSync) {
        this.fullSync = fullSync;
    }

    @Scheduled(fixedDelay = "${portal.crm.full-sync.interval:1h}", initialDelay = "${portal.crm.full-sync.initial-delay:5m}")
    void run() {
        try {
            fullSync.run();
        } catch (RuntimeException e) {
            LOG.warn("CRM full pass failed: {}", e.getMessage(), e);
        }
    }
}
