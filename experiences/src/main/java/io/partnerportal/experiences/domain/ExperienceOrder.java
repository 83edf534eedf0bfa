package io.partnerportal.experiences.domain;

import java.time.Instant;
import java.util.Comparator;

/**
 * Which experience a contact gets: the one with the lowest priority number whose audience admits it,
 * else the default experience. Equal priorities are broken by age (older first), then id, so the
 * choice never depends on load order.
 */
public final class ExperienceOrder {

    private ExperienceOrder() {
    }

    public record Candidate(String id, int priority, Instant createdAt) {
    }

    public static final Comparator<Candidate> FIRST_WINS = Comparator.comparingInt(Candidate::priority)
            .thenComparing(Candidate::createdAt).thenComparing(Candidate::id);
}
