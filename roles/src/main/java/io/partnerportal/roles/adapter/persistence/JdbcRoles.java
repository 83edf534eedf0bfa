package io.partnerportal.roles.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.jdbc.DuplicateKeyException;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.roles.application.port.RoleStore;
import io.partnerportal.roles.domain.Role;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
class JdbcRoles implements RoleStore {

    private static final String COLUMNS = "id, key, name, is_default, collaboration_restricted, position, version, "
            + "created_at, updated_at";

    private final Sql sql;

    JdbcRoles(Sql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional
    public List<Role> all() {
        return sql.list("SELECT " + COLUMNS + " FROM roles.role ORDER BY position, key", JdbcRoles::map);
    }

    @Override
    @Transactional
    public Optional<Role> byId(String id) {
        Optional<UUID> uuid = Sql.parseId(id);
        return uuid.isEmpty() ? Optional.empty()
                : sql.one("SELECT " + COLUMNS + " FROM roles.role WHERE id = ?", JdbcRoles::map, uuid.get());
    }

    @Override
    @Transactional
    public Optional<Role> byKey(String key) {
        return sql.one("SELECT " + COLUMNS + " FROM roles.role WHERE key = ?", JdbcRoles::map, key);
    }

    @Override
    @Transactional
    public boolean insert(Role r) {
        try {
            return sql.update("INSERT INTO roles.role (id, key, name, is_default, collaboration_restricted, position, "
                            + "version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    UUID.fromString(r.id()), r.key(), r.name(), r.isDefault(), r.collaborationRestricted(), r.position(),
                    r.version(), r.createdAt(), r.updatedAt()) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    @Transactional
    public boolean update(Role r) {
        try {
            sql.update("UPDATE roles.role SET name = ?, collaboration_restricted = ?, version = ?, updated_at = ? "
                    + "WHERE id = ?", r.name(), r.collaborationRestricted(), r.version(), r.updatedAt(),
                    UUID.fromString(r.id()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    @Transactional
    public void makeDefault(String roleId) {
        // the old default first: the partial unique index (one default) is checked row by row
        sql.update("UPDATE roles.role SET is_default = false, version = version + 1, updated_at = now() "
                + "WHERE is_default AND id <> ?", UUID.fromString(roleId));
        sql.update("UPDATE roles.role SET is_default = true, version = version + 1, updated_at = now() "
                + "WHERE id = ? AND NOT is_default", UUID.fromString(roleId));
    }

    @Override
    @Transactional
    public void delete(String roleId) {
        sql.update("DELETE FROM roles.role WHERE id = ?", UUID.fromString(roleId));
    }

    @Override
    @Transactional
    public Map<String, Long> assignmentCounts() {
        Map<String, Long> counts = new HashMap<>();
        sql.list("SELECT role_id, count(*) AS n FROM roles.assignment GROUP BY role_id",
                rs -> counts.put(rs.getString("role_id"), rs.getLong("n")));
        return counts;
    }

    @Override
    @Transactional
    public void lock(boolean exclusive) {
        sql.one("SELECT " + (exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared")
                + "(hashtext('roles.role'))", rs -> 1);
    }

    private static Role map(ResultSet rs) throws SQLException {
        return new Role(rs.getString("id"), rs.getString("key"), rs.getString("name"), rs.getBoolean("is_default"),
                rs.getBoolean("collaboration_restricted"), rs.getInt("position"), rs.getLong("version"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
