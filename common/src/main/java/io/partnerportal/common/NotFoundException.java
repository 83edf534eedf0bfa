package io.partnerportal.common;

/** The addressed resource does not exist (or must not be revealed to this caller): 404. */
public final class NotFoundException extends PortalException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String what, String id) {
        return new NotFoundException(what + " " + id + " does not exist");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
