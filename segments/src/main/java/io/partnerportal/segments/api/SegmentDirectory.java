package io.partnerportal.segments.api;

import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Looks segments up for consumers (names for their screens, validation of the audiences they store). */
public interface SegmentDirectory {

    Optional<SegmentSummary> find(String segmentId);

    List<SegmentSummary> findAll(Collection<String> segmentIds);

    /**
     * The segment with this name, ignoring case and surrounding blanks (names are unique ignoring case),
     * or empty. For configuration that names a well-known segment, such as a module's demo data; what a
     * module stores is always the id, which survives a rename.
     */
    Optional<SegmentSummary> findByName(String name);

    /**
     * Refuses (422 at {@code pointer/segmentIds/i}) an audience naming a segment that does not exist,
     * so no consumer ever stores an audience that silently admits nobody.
     */
    void requireValid(Audience audience, String pointer);

    /**
     * A page of a segment's members in id order: partner ids for a partner-level segment, contact ids
     * for a contact-level one. An unknown segment is a {@link io.partnerportal.common.NotFoundException}.
     */
    Page<String> members(String segmentId, PageRequest page);

    /** Every member id of a segment, read with a cursor (never all in memory), in id order. */
    void forEachMember(String segmentId, Consumer<String> memberId);
}
