package io.partnerportal.roles.adapter.persistence;

import java.util.Optional;
import java.util.UUID;

/** Ids arrive from URLs and bodies as text; one that is not a UUID names nothing. */
final class Ids {

    private Ids() {
    }

    static Optional<UUID> parse(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
