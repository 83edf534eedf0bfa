package io.partnerportal.identity.domain;

/**
 * What identity needs to know about a partner contact: who it is, where it belongs and whether it
 * may use the portal.
 */
public record ContactAccount(String contactId, String partnerId, String email, String displayName,
                             AccountStatus status) {

    /** Where a contact stands with the portal. */
    public enum AccountStatus { INVITED, ACTIVE, DISABLED }

    public boolean disabled() {
        return status == AccountStatus.DISABLED;
    }
}
