package io.partnerportal.common;

/** The caller is known but not allowed to do this: 403. */
public final class ForbiddenException extends PortalException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
