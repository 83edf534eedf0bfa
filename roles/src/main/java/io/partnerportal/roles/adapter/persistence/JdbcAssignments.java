package io.partnerportal.roles.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.roles.application.port.AssignmentStore;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class JdbcAssignments implements AssignmentStore {

    private final Sql sql;

    JdbcAssignments(Sql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional
    public Optional<String> assignedRoleId(String contactId) {
        Optional<UUID> id = Sql.parseId(contactId);
        return id.isEmpty() ? Optional.empty()
                : sql.one("SELECT role_id FROM roles.assignment WHERE contact_id = ?", rs -> rs.getString(1), id.get());
    }

    @Override
    @Transactional
    public void assign(String contactId, String roleId, String assignedBy, Instant at) {
        sql.update("INSERT INTO roles.assignment (contact_id, role_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (contact_id) DO UPDATE SET role_id = excluded.role_id, "
                        + "assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by",
                UUID.fromString(contactId), UUID.fromString(roleId), at, assignedBy);
    }

    @Override
    @Transactional
    public boolean remove(String contactId) {
        Optional<UUID> id = Sql.parseId(contactId);
        return id.isPresent() && sql.update("DELETE FROM roles.assignment WHERE contact_id = ?", id.get()) > 0;
    }

    @Override
    @Transactional
    public List<String> contactsWith(String roleId) {
        return sql.list("SELECT contact_id FROM roles.assignment WHERE role_id = ?", rs -> rs.getString(1),
                UUID.fromString(roleId));
    }

    @Override
    @Transactional
    public long countWith(String roleId) {
        return sql.count("SELECT count(*) FROM roles.assignment WHERE role_id = ?", UUID.fromString(roleId));
    }
}
