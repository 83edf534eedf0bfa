package io.partnerportal.identity.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.identity.application.port.SigningKeyStore;
import jakarta.inject.Singleton;

/** Keeps the generated JWT key in the database so every instance signs and verifies with it. */
@Singleton
class JdbcSigningKeyStore implements SigningKeyStore {

    private final Sql sql;

    JdbcSigningKeyStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional
    public String loadOrCreate(String candidate) {
        sql.update("INSERT INTO identity.signing_key (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING", candidate);
        return sql.one("SELECT secret FROM identity.signing_key WHERE id = 1", rs -> rs.getString(1)).orElseThrow();
    }
}
