package io.partnerportal.common.web;

/** The roles carried by access tokens. */
public final class PortalRoles {

    /** A member of the vendor's channel team: may call {@code /api/admin/**}. */
    public static final String ADMIN = "ADMIN";
    /** A logged-in partner contact: may call {@code /api/portal/**}. */
    public static final String CONTACT = "CONTACT";

    private PortalRoles() {
    }
}
