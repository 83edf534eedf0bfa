package io.partnerportal.partners.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Page;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.partners.api.PortalStatus;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.application.port.ContactStore;
import io.partnerportal.partners.domain.Contact;
import io.partnerportal.partners.domain.CrmKey;
import io.partnerportal.partners.domain.DirectoryQuery;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

@Singleton
class JdbcContacts implements ContactStore {

    private static final String COLUMNS = "c.id, c.partner_id, c.email, c.first_name, c.last_name, c.portal_status, "
            + "c.last_login, c.role, c.properties::text AS properties, c.version, c.created_at, c.updated_at, "
            + "(SELECT jsonb_object_agg(x.system, x.crm_id) FROM partners.contact_crm_id x "
            + "WHERE x.contact_id = c.id)::text AS crm_ids";
    private static final Map<String, String> SORT_COLUMNS = Map.of("email", "lower(c.email)",
            "firstName", "lower(c.first_name)", "lastName", "lower(c.last_name)", "createdAt", "c.created_at",
            "updatedAt", "c.updated_at", "lastLogin", "c.last_login");
    private static final Map<String, String> SYSTEM_COLUMNS = Map.of("role", "role", "portal_status", "portal_status");

    private final Sql sql;
    private final PropertyDocuments documents;

    JdbcContacts(Sql sql, PropertyDocuments documents) {
        this.sql = sql;
        this.documents = documents;
    }

    @Override
    @Transactional
    public Optional<Contact> find(UUID id, boolean lock) {
        return sql.one("SELECT " + COLUMNS + " FROM partners.contact c WHERE c.id = ?" + (lock ? " FOR UPDATE" : ""),
                this::map, id);
    }

    @Override
    @Transactional
    public List<Contact> findAll(Collection<UUID> ids, boolean lock) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.list("SELECT " + COLUMNS + " FROM partners.contact c WHERE c.id = ANY(?) ORDER BY c.id"
                + (lock ? " FOR UPDATE" : ""), this::map, (Object) ids.toArray(UUID[]::new));
    }

    @Override
    @Transactional
    public List<UUID> idsWithRole(String role) {
        return sql.list("SELECT c.id FROM partners.contact c WHERE c.role = ? ORDER BY c.id", rs -> Sql.uuid(rs, "id"),
                role);
    }

    @Override
    @Transactional
    public Optional<Contact> findByEmail(String email) {
        return sql.one("SELECT " + COLUMNS + " FROM partners.contact c WHERE lower(c.email) = lower(?)", this::map,
                email);
    }

    @Override
    @Transactional
    public Map<String, UUID> idsByEmails(Collection<String> emails) {
        Map<String, UUID> found = new HashMap<>();
        if (emails.isEmpty()) {
            return found;
        }
        sql.list("SELECT lower(c.email) AS email, c.id FROM partners.contact c WHERE lower(c.email) = ANY(?)",
                rs -> found.put(rs.getString("email"), Sql.uuid(rs, "id")),
                (Object) emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).toArray(String[]::new));
        return found;
    }

    @Override
    @Transactional
    public Map<CrmKey, UUID> idsByCrmIds(Collection<CrmKey> keys) {
        Map<CrmKey, UUID> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        sql.list("SELECT x.system, x.crm_id, x.contact_id FROM partners.contact_crm_id x "
                        + "WHERE (x.system, x.crm_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))",
                rs -> found.put(new CrmKey(rs.getString(1), rs.getString(2)), Sql.uuid(rs, "contact_id")),
                keys.stream().map(CrmKey::system).toArray(String[]::new),
                keys.stream().map(CrmKey::crmId).toArray(String[]::new));
        return found;
    }

    /** One statement per kind of write, whatever the number of rows (arrays bound as parameters). */
    @Override
    @Transactional
    public void save(List<Contact> created, List<Contact> updated) {
        if (!created.isEmpty()) {
            sql.update("INSERT INTO partners.contact (id, partner_id, email, first_name, last_name, portal_status, "
                            + "last_login, role, properties, version, created_at, updated_at) "
                            + "SELECT id, partner_id, email, first_name, last_name, portal_status, "
                            + "last_login::timestamptz, role, properties::jsonb, version::bigint, created_at::timestamptz, "
                            + "updated_at::timestamptz FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], "
                            + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                            + "AS t(id, partner_id, email, first_name, last_name, portal_status, last_login, role, "
                            + "properties, version, created_at, updated_at)",
                    created.stream().map(Contact::id).toArray(UUID[]::new),
                    created.stream().map(Contact::partnerId).toArray(UUID[]::new),
                    created.stream().map(Contact::email).toArray(String[]::new),
                    created.stream().map(Contact::firstName).toArray(String[]::new),
                    created.stream().map(Contact::lastName).toArray(String[]::new),
                    created.stream().map(c -> Contact.statusKey(c.portalStatus())).toArray(String[]::new),
                    created.stream().map(c -> c.lastLogin() == null ? null : c.lastLogin().toString())
                            .toArray(String[]::new),
                    created.stream().map(Contact::role).toArray(String[]::new),
                    created.stream().map(c -> documents.write(c.values()).json()).toArray(String[]::new),
                    created.stream().map(c -> Long.toString(c.version())).toArray(String[]::new),
                    created.stream().map(c -> c.createdAt().toString()).toArray(String[]::new),
                    created.stream().map(c -> c.updatedAt().toString()).toArray(String[]::new));
        }
        if (!updated.isEmpty()) {
            sql.update("UPDATE partners.contact c SET partner_id = t.partner_id, email = t.email, "
                            + "first_name = t.first_name, last_name = t.last_name, portal_status = t.portal_status, "
                            + "role = t.role, properties = t.properties::jsonb, version = t.version::bigint, "
                            + "updated_at = t.updated_at::timestamptz FROM unnest(?::uuid[], ?::uuid[], ?::text[], "
                            + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                            + "AS t(id, partner_id, email, first_name, last_name, portal_status, role, properties, "
                            + "version, updated_at) WHERE c.id = t.id",
                    updated.stream().map(Contact::id).toArray(UUID[]::new),
                    updated.stream().map(Contact::partnerId).toArray(UUID[]::new),
                    updated.stream().map(Contact::email).toArray(String[]::new),
                    updated.stream().map(Contact::firstName).toArray(String[]::new),
                    updated.stream().map(Contact::lastName).toArray(String[]::new),
                    updated.stream().map(c -> Contact.statusKey(c.portalStatus())).toArray(String[]::new),
                    updated.stream().map(Contact::role).toArray(String[]::new),
                    updated.stream().map(c -> documents.write(c.values()).json()).toArray(String[]::new),
                    updated.stream().map(c -> Long.toString(c.version())).toArray(String[]::new),
                    updated.stream().map(c -> c.updatedAt().toString()).toArray(String[]::new));
            sql.update("DELETE FROM partners.contact_crm_id WHERE contact_id = ANY(?)",
                    (Object) updated.stream().map(Contact::id).toArray(UUID[]::new));
        }
        List<String> systems = new ArrayList<>();
        List<String> crmIds = new ArrayList<>();
        List<UUID> owners = new ArrayList<>();
        for (List<Contact> list : List.of(created, updated)) {
            for (Contact c : list) {
                c.crmIds().forEach((system, id) -> {
                    systems.add(system);
                    crmIds.add(id);
                    owners.add(c.id());
                });
            }
        }
        if (!owners.isEmpty()) {
            sql.update("INSERT INTO partners.contact_crm_id (system, crm_id, contact_id) "
                            + "SELECT * FROM unnest(?::text[], ?::text[], ?::uuid[])",
                    systems.toArray(String[]::new), crmIds.toArray(String[]::new), owners.toArray(UUID[]::new));
        }
    }

    @Override
    @Transactional
    public boolean delete(UUID id) {
        return sql.update("DELETE FROM partners.contact WHERE id = ?", id) == 1;
    }

    @Override
    @Transactional
    public List<Contact> ofPartner(UUID partnerId) {
        return sql.list("SELECT " + COLUMNS + " FROM partners.contact c WHERE c.partner_id = ? ORDER BY lower(c.email)",
                this::map, partnerId);
    }

    @Override
    @Transactional
    public long countOfPartner(UUID partnerId) {
        return sql.count("SELECT count(*) FROM partners.contact WHERE partner_id = ?", partnerId);
    }

    @Override
    @Transactional
    public Page<Contact> list(DirectoryQuery query) {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (query.partnerId() != null) {
            where.add("c.partner_id = ?");
            params.add(query.partnerId());
        }
        if (query.text() != null) {
            where.add("(lower(c.email) LIKE ? OR lower(c.first_name) LIKE ? OR lower(c.last_name) LIKE ? "
                    + "OR lower(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) LIKE ?)");
            String pattern = PropertyDocuments.containsPattern(query.text());
            params.add(pattern);
            params.add(pattern);
            params.add(pattern);
            params.add(pattern);
        }
        if (!query.filters().isEmpty()) {
            where.add(PropertyDocuments.filterSql("c", query.filters(), SYSTEM_COLUMNS, params));
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = sql.count("SELECT count(*) FROM partners.contact c" + condition, params.toArray());
        String order = SORT_COLUMNS.get(query.sortField()) + (query.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST");
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(query.page().size());
        pageParams.add(query.page().offset());
        List<Contact> items = sql.list("SELECT " + COLUMNS + " FROM partners.contact c" + condition + " ORDER BY "
                + order + ", c.id LIMIT ? OFFSET ?", this::map, pageParams.toArray());
        return Page.of(items, query.page(), total);
    }

    @Override
    @Transactional
    public void forEach(Consumer<Contact> consumer) {
        sql.stream("SELECT " + COLUMNS + " FROM partners.contact c ORDER BY c.id", 500, this::map, consumer);
    }

    @Override
    @Transactional
    public long count() {
        return sql.count("SELECT count(*) FROM partners.contact");
    }

    @Override
    @Transactional
    public void recordLogin(UUID id, Instant at) {
        sql.update("UPDATE partners.contact SET last_login = ? WHERE id = ?", at, id);
    }

    private Contact map(ResultSet rs) throws SQLException {
        return new Contact(Sql.uuid(rs, "id"), Sql.uuid(rs, "partner_id"), rs.getString("email"),
                rs.getString("first_name"), rs.getString("last_name"),
                PortalStatus.valueOf(rs.getString("portal_status").toUpperCase(Locale.ROOT)),
                Sql.instant(rs, "last_login"), rs.getString("role"),
                PropertyDocuments.crmIds(rs.getString("crm_ids")),
                documents.read(PropertyLevel.CONTACT, rs.getString("properties")), rs.getLong("version"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
