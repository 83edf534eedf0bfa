package io.partnerportal.segments.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Looks segments up for consumers (names for their screens, validation of the audiences they store). */
public interface SegmentDirectory {

    Optional<SegmentSummary> find(String segmentId);

    List<SegmentSummary> findAll(Collection<String> segmentIds);

    /**
     * Refuses (422 at {@code pointer/segmentIds/i}) an audience naming a segment that does not exist,
     * so no consumer ever stores an audience that silently admits nobody.
     */
    void requireValid(Audience audience, String pointer);
}
