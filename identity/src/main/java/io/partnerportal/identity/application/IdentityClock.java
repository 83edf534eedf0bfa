package io.partnerportal.identity.application;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The time, for token lifetimes; tests replace it to travel in time. */
@Singleton
public class IdentityClock {

    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
