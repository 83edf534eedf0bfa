package io.partnerportal.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Which page of a list the caller wants. Sizes above {@link #MAX_SIZE} are refused (422) rather
 * than silently capped, so a client never believes it has read everything when it has not.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(FieldError.parameter("page", "out_of_range", "page must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(FieldError.parameter("size", "out_of_range", "size must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** From optional query parameters. */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
