package io.partnerportal.identity.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.identity.application.port.ContactCredentials;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;

@Singleton
class JdbcContactCredentials implements ContactCredentials {

    private final Sql sql;

    JdbcContactCredentials(Sql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional
    public Optional<String> passwordHash(String contactId) {
        return sql.one("SELECT password_hash FROM identity.contact_credential WHERE contact_id = ?",
                rs -> rs.getString(1), UUID.fromString(contactId));
    }

    @Override
    @Transactional
    public void setPasswordHash(String contactId, String hash) {
        sql.update("INSERT INTO identity.contact_credential (contact_id, password_hash, updated_at) VALUES (?, ?, now()) "
                + "ON CONFLICT (contact_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = now()",
                UUID.fromString(contactId), hash);
    }

    @Override
    @Transactional
    public void forget(String contactId) {
        UUID id = UUID.fromString(contactId);
        sql.update("DELETE FROM identity.contact_credential WHERE contact_id = ?", id);
        sql.update("DELETE FROM identity.contact_token WHERE contact_id = ?", id);
    }
}
