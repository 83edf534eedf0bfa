package io.partnerportal.segments.adapter.scheduling;

import io.micronaut.scheduling.annotation.Scheduled;
import io.partnerportal.segments.application.HistoryExpansion;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the member history rows of bulk changes that are still pending (ADR 0012): normally they
 * are written right after their commit, so this finds only what a crash or a failed expansion left.
 */
@Singleton
class PendingHistorySweep {

    private static final Logger LOG = LoggerFactory.getLogger(PendingHistorySweep.class);

    private final HistoryExpansion expansion;

    PendingHistorySweep(HistoryExpansion expansion) {
        this.expansion = expansion;
    }

    @Scheduled(initialDelay = "20s", fixedDelay = "1m")
    void sweep() {
        long written = expansion.expandPending();
        if (written > 0) {
            LOG.info("Wrote {} member history rows of bulk changes left pending", written);
        }
    }
}
