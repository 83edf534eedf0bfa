package io.partnerportal.partners.application;

import io.partnerportal.common.StaleVersionException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Optimistic concurrency (If-Match, a {@code version} member) and the clock of the module. */
final class Versions {

    private Versions() {
    }

    /** Every version the caller sent must be the current one. */
    static void check(String what, long current, List<Long> expected) {
        for (Long v : expected) {
            if (v != null && v != current) {
                throw new StaleVersionException(what, v, current);
            }
        }
    }

    /** Now, at the database's precision, so what is answered equals what is read back later. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
