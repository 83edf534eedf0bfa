package io.partnerportal.identity.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.identity.application.port.AdminUsers;
import io.partnerportal.identity.domain.AdminUser;
import jakarta.inject.Singleton;

import java.util.Optional;

@Singleton
class JdbcAdminUsers implements AdminUsers {

    private final Sql sql;

    JdbcAdminUsers(Sql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional
    public Optional<AdminUser> findByUsername(String username) {
        return sql.one("SELECT id, username, password_hash, display_name, created_at FROM identity.admin_user "
                        + "WHERE lower(username) = lower(?)",
                rs -> new AdminUser(Sql.uuid(rs, "id"), rs.getString("username"), rs.getString("password_hash"),
                        rs.getString("display_name"), Sql.instant(rs, "created_at")),
                username);
    }

    @Override
    @Transactional
    public boolean anyExists() {
        return sql.count("SELECT count(*) FROM (SELECT 1 FROM identity.admin_user LIMIT 1) a") > 0;
    }

    @Override
    @Transactional
    public boolean createIfNoneExists(AdminUser admin) {
        // the lock makes "check, then insert" safe when several instances start on an empty database
        sql.one("SELECT pg_advisory_xact_lock(hashtext('identity.first-admin'))", rs -> 1);
        return sql.update("INSERT INTO identity.admin_user (id, username, password_hash, display_name, created_at) "
                        + "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM identity.admin_user)",
                admin.id(), admin.username(), admin.passwordHash(), admin.displayName(), admin.createdAt()) == 1;
    }
}
