package io.partnerportal.crm.sync.application;

import io.partnerportal.crm.api.SyncOutcome;
import io.partnerportal.crm.spi.CrmConnector;
import io.partnerportal.crm.spi.CrmObject;
import io.partnerportal.crm.sync.application.port.SyncLock;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The periodic full pass: every company and person of the CRM is applied as if it had just changed, so
 * a missed change notification is repaired. One instance at a time (an advisory lock); another pass
 * asked for meanwhile is skipped, not queued.
 */
@Singleton
public class FullSync {

    private static final Logger LOG = LoggerFactory.getLogger(FullSync.class);

    private final ActiveConnector connector;
    private final SyncEngine engine;
    private final SyncLock lock;

    FullSync(ActiveConnector connector, SyncEngine engine, SyncLock lock) {
        this.connector = connector;
        this.engine = engine;
        this.lock = lock;
    }

    /**
     * @param ran        false when no connector is configured or another instance was running a pass
     * @param outcomes   records seen per outcome ({@code updated}, {@code unchanged}, {@code unlinked}, {@code failed})
     */
    public record Report(boolean ran, String system, long companies, long people, Map<SyncOutcome.Status, Long> outcomes,
                         Duration took) {
    }

    public Report run() {
        Optional<CrmConnector> active = connector.get();
        Map<SyncOutcome.Status, Long> outcomes = new EnumMap<>(SyncOutcome.Status.class);
        if (active.isEmpty()) {
            return new Report(false, connector.configured(), 0, 0, outcomes, Duration.ZERO);
        }
        Optional<SyncLock.Held> held = lock.tryLock("crm.full-sync");
        if (held.isEmpty()) {
            return new Report(false, connector.configured(), 0, 0, outcomes, Duration.ZERO);
        }
        try (SyncLock.Held ignored = held.get()) {
            Instant start = Instant.now();
            long[] counts = new long[2];
            for (CrmObject object : CrmObject.values()) {
                active.get().forEachRecord(object, record -> {
                    counts[object.ordinal()]++;
                    SyncOutcome outcome;
                    try {
                        outcome = engine.recordChanged(record);
                    } catch (RuntimeException e) {
                        LOG.warn("CRM full pass: {} {} failed: {}", object.jsonName(), record.crmId(), e.getMessage(), e);
                        outcome = new SyncOutcome(SyncOutcome.Status.FAILED, null, java.util.List.of(),
                                java.util.List.of(String.valueOf(e.getMessage())));
                    }
                    outcomes.merge(outcome.status(), 1L, Long::sum);
                });
            }
            Report report = new Report(true, connector.configured(), counts[0], counts[1], outcomes,
                    Duration.between(start, Instant.now()));
            LOG.info("CRM full pass ({}): {} companies, {} people, {}", report.system(), report.companies(),
                    report.people(), report.outcomes());
            return report;
        }
    }
}
