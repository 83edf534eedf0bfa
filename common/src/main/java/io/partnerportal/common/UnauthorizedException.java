package io.partnerportal.common;

/** Credentials are missing, wrong or no longer valid: 401. */
public final class UnauthorizedException extends PortalException {

    public UnauthorizedException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 401;
    }

    @Override
    public String title() {
        return "Unauthorized";
    }
}
