package io.partnerportal.segments.adapter.scheduling;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.segments.application.SegmentAdministration;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Re-evaluates segments with relative dates ("signed within the last 30 days") once a day at
 * 00:00 UTC. Checked hourly, so an instance that was down at midnight catches up; exactly one
 * instance runs it per day (a row per day, claimed under an advisory lock).
 */
@Singleton
class DailyReevaluation {

    private static final Logger LOG = LoggerFactory.getLogger(DailyReevaluation.class);
    private static final long LOCK = 7_270_002L;

    private final Sql sql;
    private final SegmentAdministration segments;
    private final Clock clock;

    DailyReevaluation(Sql sql, SegmentAdministration segments, Clock clock) {
        this.sql = sql;
        this.segments = segments;
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 * * * *", zoneId = "UTC")
    void hourly() {
        runIfDue();
    }

    /** @return whether this call ran today's re-evaluation */
    @Transactional
    boolean runIfDue() {
        LocalDate today = LocalDate.now(clock);
        boolean locked = sql.one("SELECT pg_try_advisory_xact_lock(?)", rs -> rs.getBoolean(1), LOCK).orElse(false);
        if (!locked) {
            return false;
        }
        boolean claimed = sql.update("INSERT INTO segments.daily_run (day) VALUES (?) ON CONFLICT DO NOTHING",
                today) == 1;
        if (claimed) {
            int count = segments.reevaluateRelativeDates(Actor.system("daily-reevaluation"));
            LOG.info("Daily re-evaluation for {}: {} segment(s) with relative dates recomputed", today, count);
        }
        return claimed;
    }
}
