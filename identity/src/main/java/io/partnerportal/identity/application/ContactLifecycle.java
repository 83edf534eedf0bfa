package io.partnerportal.identity.application;

import io.partnerportal.identity.application.port.ContactCredentials;
import io.partnerportal.identity.application.port.ContactTokens;
import jakarta.inject.Singleton;

/** What identity does when a contact changes in the directory. */
@Singleton
public class ContactLifecycle {

    private final ContactCredentials credentials;
    private final ContactTokens tokens;
    private final ContactAccess access;
    private final IdentityClock clock;

    ContactLifecycle(ContactCredentials credentials, ContactTokens tokens, ContactAccess access, IdentityClock clock) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.access = access;
        this.clock = clock;
    }

    /** The contact changed (moved, renamed, status): forget what was cached about it. */
    public void changed(String contactId) {
        access.evict(contactId);
    }

    /** The contact was disabled: its open invitations and login links stop working. */
    public void disabled(String contactId) {
        tokens.revokeAll(contactId, clock.now());
        access.evict(contactId);
    }

    /** The contact was deleted: its password and tokens go too. */
    public void deleted(String contactId) {
        credentials.forget(contactId);
        access.evict(contactId);
    }
}
