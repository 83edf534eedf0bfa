package io.partnerportal.identity.application.port;

import java.util.Optional;

/** Contacts' password hashes. */
public interface ContactCredentials {

    Optional<String> passwordHash(String contactId);

    void setPasswordHash(String contactId, String hash);

    /** Removes the password and every token of a contact (it was deleted). */
    void forget(String contactId);
}
