package io.partnerportal.segments.domain.condition;

import java.util.List;

/** A condition, or (when it could not be read) every error found; never both. */
public record ParseResult(Condition condition, List<ConditionError> errors) {
    public ParseResult {
        errors = List.copyOf(errors);
        if ((condition == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a parse result is a condition or errors");
        }
    }

    public boolean isValid() {
        return condition != null;
    }
}
