package io.partnerportal.segments.domain.condition;

import java.util.Objects;

/** Why a record is (not) in a segment: the result and the evaluated tree. */
public record Explanation(boolean result, ExplainedNode root) {
    public Explanation {
        Objects.requireNonNull(root, "root");
    }
}
