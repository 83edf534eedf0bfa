package io.partnerportal.segments.domain.condition;

import java.util.List;

/** {@code {"any": [...]}}: at least one child is true. Never empty. */
public record Any(List<ConditionNode> children) implements ConditionNode {
    public Any {
        children = List.copyOf(children);
        if (children.isEmpty()) {
            throw new IllegalArgumentException("an any group needs at least one child");
        }
    }

    public static Any of(ConditionNode... children) {
        return new Any(List.of(children));
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.any(this);
    }
}
