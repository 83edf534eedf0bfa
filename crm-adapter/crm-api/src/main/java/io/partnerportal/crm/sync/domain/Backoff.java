package io.partnerportal.crm.sync.domain;

import java.time.Duration;

/**
 * When to try a failed write-back again: {@code base × 2^(attempt-1)}, capped at {@code max}, and when
 * to give up. No jitter: retries are per change, and changes rarely fail in bulk at the same instant.
 */
public record Backoff(Duration base, Duration max, int maxAttempts) {

    public Backoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 < base ≤ max and at least one attempt");
        }
    }

    /** The wait after the given (1-based) failed attempt. */
    public Duration delayAfter(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }

    /** Whether a change that failed this many times may be tried again automatically. */
    public boolean mayRetry(int attempts) {
        return attempts < maxAttempts;
    }
}
