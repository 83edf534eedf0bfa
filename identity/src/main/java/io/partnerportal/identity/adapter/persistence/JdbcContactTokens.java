package io.partnerportal.identity.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.identity.application.port.ContactTokens;
import io.partnerportal.identity.domain.OneTimeToken;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Singleton
class JdbcContactTokens implements ContactTokens {

    private final Sql sql;

    JdbcContactTokens(Sql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional
    public void store(String tokenHash, String contactId, OneTimeToken.Purpose purpose, Instant expiresAt) {
        sql.update("INSERT INTO identity.contact_token (token_hash, contact_id, purpose, expires_at) VALUES (?, ?, ?, ?)",
                tokenHash, UUID.fromString(contactId), purpose.name().toLowerCase(Locale.ROOT), expiresAt);
    }

    @Override
    @Transactional
    public Optional<String> consume(String tokenHash, OneTimeToken.Purpose purpose, Instant now) {
        // one statement: two requests racing with the same token cannot both use it
        return sql.one("UPDATE identity.contact_token SET used_at = ? WHERE token_hash = ? AND purpose = ? "
                        + "AND used_at IS NULL AND expires_at > ? RETURNING contact_id",
                rs -> rs.getObject(1, UUID.class).toString(), now, tokenHash, purpose.name().toLowerCase(Locale.ROOT),
                now);
    }

    @Override
    @Transactional
    public void revokeAll(String contactId, Instant now) {
        sql.update("UPDATE identity.contact_token SET used_at = ? WHERE contact_id = ? AND used_at IS NULL", now,
                UUID.fromString(contactId));
    }
}
