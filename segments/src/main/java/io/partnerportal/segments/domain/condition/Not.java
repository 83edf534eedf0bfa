package io.partnerportal.segments.domain.condition;

import java.util.Objects;

/** {@code {"not": node}}: always exactly the negation of its child. */
public record Not(ConditionNode child) implements ConditionNode {
    public Not {
        Objects.requireNonNull(child, "child");
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.not(this);
    }
}
