package io.partnerportal.common;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on. Each subclass maps to one HTTP status and becomes an
 * {@code application/problem+json} answer; anything else is an internal error (500).
 */
public abstract sealed class PortalException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException, StaleVersionException,
                ForbiddenException, UnauthorizedException {

    protected PortalException(String message) {
        super(message);
    }

    /** The HTTP status this failure is answered with. */
    public abstract int status();

    /** A short, stable title for the kind of problem. */
    public abstract String title();

    /** Field-level errors (validation), empty otherwise. */
    public List<FieldError> errors() {
        return List.of();
    }

    /** Extra members of the problem document ({@code usages} for a 409, ...). */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}
