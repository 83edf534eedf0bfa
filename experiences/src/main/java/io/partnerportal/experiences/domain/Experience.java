package io.partnerportal.experiences.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An experience as admins edit it: the draft, its revision (bumped by every draft edit, the version
 * admins send back to avoid lost updates) and which version is published (null: never published).
 * The default experience always exists and is served when no other experience admits a contact.
 */
public record Experience(String id, boolean isDefault, ExperienceContent draft, long revision,
                         Integer publishedVersion, Instant createdAt, Instant updatedAt) {

    public Experience {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(draft, "draft");
    }

    public Experience withDraft(ExperienceContent next, Instant at) {
        return new Experience(id, isDefault, next, revision + 1, publishedVersion, createdAt, at);
    }

    public Experience published(int version, Instant at) {
        return new Experience(id, isDefault, draft, revision, version, createdAt, at);
    }
}
