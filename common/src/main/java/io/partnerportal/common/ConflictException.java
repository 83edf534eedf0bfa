package io.partnerportal.common;

import java.util.Map;

/** The request conflicts with the current state (duplicate name, resource in use): 409. */
public final class ConflictException extends PortalException {

    private final Map<String, Object> extensions;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public ConflictException(String message, Map<String, Object> extensions) {
        super(message);
        this.extensions = Map.copyOf(extensions);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }

    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }
}
