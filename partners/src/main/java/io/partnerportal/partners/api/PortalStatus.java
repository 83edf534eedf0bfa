package io.partnerportal.partners.api;

/** Where a contact stands with the portal. */
public enum PortalStatus {
    /** Invited, has not set a password yet. */
    INVITED,
    /** Can log in. */
    ACTIVE,
    /** Refused at login and on every request. */
    DISABLED
}
