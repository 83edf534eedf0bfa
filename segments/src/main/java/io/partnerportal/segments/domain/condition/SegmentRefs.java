package io.partnerportal.segments.domain.condition;

import io.partnerportal.segments.domain.SegmentLevel;

import java.util.Map;
import java.util.Optional;

/** The segments a condition may reference with {@code in_segment}, and their levels. */
@FunctionalInterface
public interface SegmentRefs {

    Optional<SegmentLevel> levelOf(String segmentId);

    static SegmentRefs of(Map<String, SegmentLevel> levels) {
        Map<String, SegmentLevel> copy = Map.copyOf(levels);
        return id -> Optional.ofNullable(copy.get(id));
    }

    static SegmentRefs none() {
        return id -> Optional.empty();
    }
}
