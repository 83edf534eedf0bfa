package io.partnerportal.segments.domain.condition;

import java.util.Objects;

/** {@code {"op": "any_contact", "where": node}}: partner-level only; some contact of the partner matches. */
public record AnyContact(ConditionNode where) implements ConditionNode {
    public AnyContact {
        Objects.requireNonNull(where, "where");
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.anyContact(this);
    }
}
