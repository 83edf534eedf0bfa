package io.partnerportal.identity.application.port;

import io.partnerportal.common.Actor;
import io.partnerportal.identity.domain.ContactAccount;

import java.time.Instant;
import java.util.Optional;

/** The partner directory, as far as contact logins need it (implemented over the partners api). */
public interface PortalContacts {

    Optional<ContactAccount> byId(String contactId);

    Optional<ContactAccount> byEmail(String email);

    /** The contact was invited (and has no password yet). */
    void markInvited(String contactId, Actor by);

    /** The contact can use the portal from now on. */
    void markActive(String contactId, Actor by);

    void recordLogin(String contactId, Instant at);
}
