package io.partnerportal.segments.application;

import io.partnerportal.segments.domain.segment.Segment;
import io.partnerportal.segments.domain.condition.ConditionWarning;

import java.util.List;

/** A segment with its counts and the lint warnings on its condition. */
public record SegmentView(Segment segment, long memberCount, long contactCount, List<ConditionWarning> warnings) {
}
