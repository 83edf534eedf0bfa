package io.partnerportal.experiences.domain;

import java.time.Instant;

/**
 * One published version of an experience: an immutable copy of the draft at publication.
 *
 * @param restoredFrom the older version this one copies (a restore), or null
 */
public record PublishedVersion(String experienceId, int version, ExperienceContent content, Instant publishedAt,
                               String publishedBy, Integer restoredFrom) {
}
