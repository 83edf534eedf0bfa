package io.partnerportal.segments.domain.condition;

import java.util.List;

/** {@code {"all": [...]}}: every child is true. Never empty (the contract refuses empty groups). */
public record All(List<ConditionNode> children) implements ConditionNode {
    public All {
        children = List.copyOf(children);
        if (children.isEmpty()) {
            throw new IllegalArgumentException("an all group needs at least one child");
        }
    }

    public static All of(ConditionNode... children) {
        return new All(List.of(children));
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.all(this);
    }
}
