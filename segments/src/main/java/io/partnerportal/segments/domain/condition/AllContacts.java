package io.partnerportal.segments.domain.condition;

import java.util.Objects;

/**
 * {@code {"op": "all_contacts", "where": node}}: partner-level only; every contact matches, and
 * false for a partner without contacts (so it never admits an empty company by accident).
 */
public record AllContacts(ConditionNode where) implements ConditionNode {
    public AllContacts {
        Objects.requireNonNull(where, "where");
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.allContacts(this);
    }
}
