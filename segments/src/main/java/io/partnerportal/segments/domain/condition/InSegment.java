package io.partnerportal.segments.domain.condition;

import java.util.Objects;

/**
 * {@code {"op": "in_segment", "segment": id}}, or {@code not_in_segment} when {@code negated}. For
 * a partner-level referenced segment it asks about the partner, for a contact-level one about the
 * contact (inside any_contact / all_contacts: the contact being iterated).
 */
public record InSegment(String segmentId, boolean negated) implements ConditionNode {
    public InSegment {
        Objects.requireNonNull(segmentId, "segmentId");
        if (segmentId.isEmpty()) {
            throw new IllegalArgumentException("segment id is empty");
        }
    }

    public String operator() {
        return negated ? "not_in_segment" : "in_segment";
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.inSegment(this);
    }
}
