package io.partnerportal.segments.domain.condition;

import java.util.Objects;

/** A lint finding: the condition is valid but probably not what the admin meant. See {@link ConditionLint}. */
public record ConditionWarning(String pointer, String code, String message) {
    public ConditionWarning {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
