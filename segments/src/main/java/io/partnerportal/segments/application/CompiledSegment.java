package io.partnerportal.segments.application;

import io.partnerportal.segments.domain.segment.Segment;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.condition.CompiledCondition;
import io.partnerportal.segments.domain.condition.PropertyRef;
import io.partnerportal.segments.domain.condition.Scope;

import java.util.Set;

/**
 * A segment ready to evaluate: its compiled condition (null for static segments, or when the
 * condition no longer compiles: it then matches nobody), what it reads and which segments it refers to.
 *
 * @param rank position in dependency order: a segment ranks above every segment it refers to
 */
record CompiledSegment(Segment segment, CompiledCondition condition, Set<PropertyRef> reads, Set<String> refs,
                       boolean relativeDates, int rank) {

    String id() {
        return segment.id();
    }

    SegmentLevel level() {
        return segment.level();
    }

    boolean dynamic() {
        return segment.isDynamic();
    }

    /** A partner-level segment reading contacts (through any_contact / all_contacts). */
    boolean readsContacts() {
        return level() == SegmentLevel.PARTNER && reads.stream().anyMatch(r -> r.scope() == Scope.CONTACT);
    }
}
