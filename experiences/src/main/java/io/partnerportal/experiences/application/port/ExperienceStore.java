package io.partnerportal.experiences.application.port;

import io.partnerportal.experiences.domain.Experience;
import io.partnerportal.experiences.domain.PublishedVersion;

import java.util.List;
import java.util.Optional;

/** Where experiences, their drafts and their published versions are kept. */
public interface ExperienceStore {

    /** Every experience, the default first, then by priority. */
    List<Experience> all();

    /** @param lock lock the experience until the transaction ends (draft edits, publication) */
    Optional<Experience> find(String id, boolean lock);

    void insert(Experience experience);

    /** Saves the draft and its revision. */
    void saveDraft(Experience experience);

    /** Adds a published version and makes it the experience's published one. */
    void publish(PublishedVersion version);

    void delete(String id);

    /** Every version of an experience, newest first. */
    List<PublishedVersion> versions(String experienceId);

    Optional<PublishedVersion> version(String experienceId, int version);

    /** The published version of every experience that has one, with the experience's age (for ties). */
    List<Published> published();

    record Published(PublishedVersion version, boolean isDefault, java.time.Instant createdAt) {
    }

    /**
     * Counts changes of what portal users see (publish, restore, deletion): bumped in the changing
     * transaction, so every instance can tell whether its in-memory copy is current.
     */
    long bumpPublication();

    long publication();
}
