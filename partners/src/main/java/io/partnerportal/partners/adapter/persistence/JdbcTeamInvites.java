package io.partnerportal.partners.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.partners.application.port.TeamInviteStore;
import io.partnerportal.partners.domain.InviteSettings;
import io.partnerportal.partners.domain.TeamInvite;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Singleton
class JdbcTeamInvites implements TeamInviteStore {

    private final Sql sql;

    JdbcTeamInvites(Sql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional
    public void lockInviter(UUID contactId) {
        sql.one("SELECT pg_advisory_xact_lock(hashtext('partners.team-invite:' || ?))", rs -> 1, contactId.toString());
    }

    @Override
    @Transactional
    public List<Instant> invitedSince(UUID contactId, Instant since) {
        return sql.list("SELECT created_at FROM partners.team_invite WHERE invited_by = ? AND created_at > ? "
                + "ORDER BY created_at", rs -> Sql.instant(rs, "created_at"), contactId, since);
    }

    @Override
    @Transactional
    public void insert(TeamInvite i) {
        sql.update("INSERT INTO partners.team_invite (id, partner_id, contact_id, invited_by, email, first_name, "
                        + "last_name, created_at) VALUES (?,?,?,?,?,?,?,?)", i.id(), i.partnerId(), i.contactId(),
                i.invitedBy(), i.email(), i.firstName(), i.lastName(), i.createdAt());
    }

    @Override
    @Transactional
    public Page<InviteWithStatus> ofPartner(UUID partnerId, PageRequest page) {
        long total = sql.count("SELECT count(*) FROM partners.team_invite WHERE partner_id = ?", partnerId);
        List<InviteWithStatus> items = sql.list("SELECT i.*, c.portal_status FROM partners.team_invite i "
                        + "LEFT JOIN partners.contact c ON c.id = i.contact_id WHERE i.partner_id = ? "
                        + "ORDER BY i.created_at DESC, i.id LIMIT ? OFFSET ?",
                rs -> new InviteWithStatus(invite(rs), rs.getString("portal_status")), partnerId, page.size(),
                page.offset());
        return Page.of(items, page, total);
    }

    @Override
    @Transactional
    public InviteSettings settings(boolean lock) {
        return sql.one("SELECT allow_any_email_domain, version FROM partners.invite_settings WHERE id = 1"
                        + (lock ? " FOR UPDATE" : ""),
                rs -> new InviteSettings(rs.getBoolean(1), rs.getLong(2)))
                .orElse(new InviteSettings(false, 1));
    }

    @Override
    @Transactional
    public void saveSettings(InviteSettings settings, Instant at) {
        sql.update("INSERT INTO partners.invite_settings (id, allow_any_email_domain, version, updated_at) "
                        + "VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET allow_any_email_domain = "
                        + "excluded.allow_any_email_domain, version = excluded.version, updated_at = excluded.updated_at",
                settings.allowAnyEmailDomain(), settings.version(), at);
    }

    private static TeamInvite invite(ResultSet rs) throws SQLException {
        return new TeamInvite(Sql.uuid(rs, "id"), Sql.uuid(rs, "partner_id"), Sql.uuid(rs, "contact_id"),
                Sql.uuid(rs, "invited_by"), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), Sql.instant(rs, "created_at"));
    }
}
