package io.partnerportal.identity;

import io.micronaut.context.annotation.Replaces;
import io.partnerportal.identity.application.IdentityClock;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/** The identity clock, which tests may move forward to see tokens expire. */
@Singleton
@Replaces(IdentityClock.class)
public class ShiftableClock extends IdentityClock {

    private volatile Duration offset = Duration.ZERO;

    public void travel(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant now() {
        return super.now().plus(offset);
    }
}
