package io.partnerportal.segments.application;

import io.partnerportal.common.FieldError;
import io.partnerportal.segments.domain.segment.Permissions;
import io.partnerportal.segments.domain.segment.SegmentKind;
import io.partnerportal.segments.domain.SegmentLevel;

import java.util.List;

/**
 * A segment as submitted, before validation against the catalogue and the other segments.
 *
 * @param condition       the condition as a plain-Java JSON tree (null for static segments)
 * @param structureErrors what the web adapter already found wrong in the body; reported together
 *                        with every condition error in one 422
 */
public record SegmentDraft(String name, String description, SegmentLevel level, SegmentKind kind, Object condition,
                           boolean conditionGiven, Permissions permissions, Long version,
                           List<FieldError> structureErrors) {

    public SegmentDraft {
        structureErrors = List.copyOf(structureErrors);
    }
}
