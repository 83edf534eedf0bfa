package io.partnerportal.segments.domain.segment;

import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.condition.Condition;

import java.time.Instant;
import java.util.Objects;

/**
 * A saved audience of partners or contacts. Level and kind never change after creation; a dynamic
 * segment has a condition, a static one a hand-edited member list. Every edit raises the version.
 */
public record Segment(String id, String name, String description, SegmentLevel level, SegmentKind kind,
                      Condition condition, Permissions permissions, long version, Instant createdAt,
                      Instant updatedAt) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 2000;

    public Segment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
        permissions = permissions == null ? Permissions.NONE : permissions;
        if (kind == SegmentKind.DYNAMIC && condition == null) {
            throw new IllegalArgumentException("a dynamic segment needs a condition");
        }
        if (kind == SegmentKind.STATIC && condition != null) {
            throw new IllegalArgumentException("a static segment has no condition");
        }
    }

    public boolean isDynamic() {
        return kind == SegmentKind.DYNAMIC;
    }

    /** The next version of this segment with new content; level and kind stay. */
    public Segment revise(String name, String description, Condition condition, Permissions permissions, Instant at) {
        return new Segment(id, name, description, level, kind, condition, permissions, version + 1, createdAt, at);
    }
}
