package io.partnerportal.identity.application.port;

import io.partnerportal.identity.domain.OneTimeToken;

import java.time.Instant;
import java.util.Optional;

/** One-time tokens of contacts, kept as hashes. */
public interface ContactTokens {

    void store(String tokenHash, String contactId, OneTimeToken.Purpose purpose, Instant expiresAt);

    /**
     * Uses a token: atomically marks it used if it exists, has this purpose, is unused and has not
     * expired at {@code now}.
     *
     * @return the contact it belongs to, or empty when it cannot be used
     */
    Optional<String> consume(String tokenHash, OneTimeToken.Purpose purpose, Instant now);

    /** Revokes every unused token of a contact (it was disabled). */
    void revokeAll(String contactId, Instant now);
}
