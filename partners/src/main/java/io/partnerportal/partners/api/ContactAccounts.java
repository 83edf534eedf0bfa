package io.partnerportal.partners.api;

import java.time.Instant;

/**
 * The portal account side of a contact, for the identity module: its portal status (invited on an
 * invitation, active once it logs in) and its last login. Both are system properties that segment
 * conditions read, so each change publishes a {@link io.partnerportal.partners.api.event.ContactChanged}
 * in the caller's transaction.
 */
public interface ContactAccounts {

    /**
     * Sets the portal status.
     *
     * @throws io.partnerportal.common.NotFoundException for an unknown contact
     */
    ContactRecord changePortalStatus(String contactId, PortalStatus status, ChangeContext context);

    /**
     * Records a successful login ({@code contact.last_login}); the contact's version is not bumped, so an
     * admin editing the contact meanwhile is not refused as stale.
     *
     * @throws io.partnerportal.common.NotFoundException for an unknown contact
     */
    ContactRecord recordLogin(String contactId, Instant at, ChangeContext context);
}
