package io.partnerportal.segments.application.port;

import io.partnerportal.common.Actor;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.segments.domain.segment.Segment;
import io.partnerportal.segments.domain.segment.SegmentKind;
import io.partnerportal.segments.domain.SegmentLevel;

import java.util.List;
import java.util.Optional;

/** Where segment definitions and their versions are kept. */
public interface SegmentStore {

    List<Segment> findAll();

    Optional<Segment> find(String id);

    /** Locks the segment row for an edit (held until commit). */
    Optional<Segment> findForUpdate(String id);

    Page<Segment> list(String query, SegmentLevel level, SegmentKind kind, PageRequest page);

    boolean nameTaken(String name, String exceptId);

    void insert(Segment segment, Actor actor);

    void update(Segment segment, Actor actor);

    void delete(String id);

    /** Every saved version of a segment, newest first, as JSON-like data with who saved it and when. */
    List<java.util.Map<String, Object>> versions(String id);

    /**
     * The version of all definitions together: raised by every segment create, edit or delete and
     * by catalogue changes, so any instance can tell its compiled copy is stale.
     */
    long definitionsVersion();

    /** Raises the definitions version (inside the editing transaction). */
    long bumpDefinitionsVersion();

    /**
     * Membership maintenance takes this shared; definition edits take it exclusive. An edit thus
     * never interleaves with a re-evaluation that uses the definitions it replaces.
     */
    void lockDefinitions(boolean exclusive);
}
