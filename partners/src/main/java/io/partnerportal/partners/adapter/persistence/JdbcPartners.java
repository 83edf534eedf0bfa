package io.partnerportal.partners.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Page;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.application.port.PartnerStore;
import io.partnerportal.partners.domain.CrmKey;
import io.partnerportal.partners.domain.DirectoryQuery;
import io.partnerportal.partners.domain.Partner;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

@Singleton
class JdbcPartners implements PartnerStore {

    private static final String COLUMNS = "p.id, p.name, p.website, p.properties::text AS properties, p.version, "
            + "p.created_at, p.updated_at, (SELECT jsonb_object_agg(x.system, x.crm_id) FROM partners.partner_crm_id x "
            + "WHERE x.partner_id = p.id)::text AS crm_ids";
    private static final Map<String, String> SORT_COLUMNS = Map.of("name", "lower(p.name)", "createdAt", "p.created_at",
            "updatedAt", "p.updated_at");

    private final Sql sql;
    private final PropertyDocuments documents;

    JdbcPartners(Sql sql, PropertyDocuments documents) {
        this.sql = sql;
        this.documents = documents;
    }

    @Override
    @Transactional
    public Optional<Partner> find(UUID id, boolean lock) {
        return sql.one("SELECT " + COLUMNS + " FROM partners.partner p WHERE p.id = ?" + (lock ? " FOR UPDATE" : ""),
                this::map, id);
    }

    @Override
    @Transactional
    public List<Partner> findAll(Collection<UUID> ids, boolean lock) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.list("SELECT " + COLUMNS + " FROM partners.partner p WHERE p.id = ANY(?) ORDER BY p.id"
                + (lock ? " FOR UPDATE" : ""), this::map, (Object) ids.toArray(UUID[]::new));
    }

    @Override
    @Transactional
    public java.util.Set<UUID> lockExisting(Collection<UUID> ids) {
        java.util.Set<UUID> found = new java.util.HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        // FOR KEY SHARE conflicts with the FOR UPDATE of a deletion: either the deletion waits and then
        // sees the new contact (409), or this waits and then sees the partner gone (422)
        sql.list("SELECT p.id FROM partners.partner p WHERE p.id = ANY(?) ORDER BY p.id FOR KEY SHARE",
                rs -> found.add(Sql.uuid(rs, "id")), (Object) ids.toArray(UUID[]::new));
        return found;
    }

    @Override
    @Transactional
    public Map<CrmKey, UUID> idsByCrmIds(Collection<CrmKey> keys) {
        Map<CrmKey, UUID> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        sql.list("SELECT x.system, x.crm_id, x.partner_id FROM partners.partner_crm_id x "
                        + "WHERE (x.system, x.crm_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))",
                rs -> found.put(new CrmKey(rs.getString(1), rs.getString(2)), Sql.uuid(rs, "partner_id")),
                keys.stream().map(CrmKey::system).toArray(String[]::new),
                keys.stream().map(CrmKey::crmId).toArray(String[]::new));
        return found;
    }

    /** One statement per kind of write, whatever the number of rows (arrays bound as parameters). */
    @Override
    @Transactional
    public void save(List<Partner> created, List<Partner> updated) {
        if (!created.isEmpty()) {
            sql.update("INSERT INTO partners.partner (id, name, website, properties, version, created_at, updated_at) "
                            + "SELECT id, name, website, properties::jsonb, version::bigint, created_at::timestamptz, "
                            + "updated_at::timestamptz FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], "
                            + "?::text[], ?::text[]) AS t(id, name, website, properties, version, created_at, updated_at)",
                    created.stream().map(Partner::id).toArray(UUID[]::new),
                    created.stream().map(Partner::name).toArray(String[]::new),
                    created.stream().map(Partner::website).toArray(String[]::new),
                    created.stream().map(p -> documents.write(p.values()).json()).toArray(String[]::new),
                    created.stream().map(p -> Long.toString(p.version())).toArray(String[]::new),
                    created.stream().map(p -> p.createdAt().toString()).toArray(String[]::new),
                    created.stream().map(p -> p.updatedAt().toString()).toArray(String[]::new));
        }
        if (!updated.isEmpty()) {
            sql.update("UPDATE partners.partner p SET name = t.name, website = t.website, "
                            + "properties = t.properties::jsonb, version = t.version::bigint, "
                            + "updated_at = t.updated_at::timestamptz FROM unnest(?::uuid[], ?::text[], ?::text[], "
                            + "?::text[], ?::text[], ?::text[]) AS t(id, name, website, properties, version, updated_at) "
                            + "WHERE p.id = t.id",
                    updated.stream().map(Partner::id).toArray(UUID[]::new),
                    updated.stream().map(Partner::name).toArray(String[]::new),
                    updated.stream().map(Partner::website).toArray(String[]::new),
                    updated.stream().map(p -> documents.write(p.values()).json()).toArray(String[]::new),
                    updated.stream().map(p -> Long.toString(p.version())).toArray(String[]::new),
                    updated.stream().map(p -> p.updatedAt().toString()).toArray(String[]::new));
            sql.update("DELETE FROM partners.partner_crm_id WHERE partner_id = ANY(?)",
                    (Object) updated.stream().map(Partner::id).toArray(UUID[]::new));
        }
        List<String> systems = new ArrayList<>();
        List<String> crmIds = new ArrayList<>();
        List<UUID> owners = new ArrayList<>();
        for (List<Partner> list : List.of(created, updated)) {
            for (Partner p : list) {
                p.crmIds().forEach((system, id) -> {
                    systems.add(system);
                    crmIds.add(id);
                    owners.add(p.id());
                });
            }
        }
        if (!owners.isEmpty()) {
            sql.update("INSERT INTO partners.partner_crm_id (system, crm_id, partner_id) "
                            + "SELECT * FROM unnest(?::text[], ?::text[], ?::uuid[])",
                    systems.toArray(String[]::new), crmIds.toArray(String[]::new), owners.toArray(UUID[]::new));
        }
    }

    @Override
    @Transactional
    public boolean delete(UUID id) {
        return sql.update("DELETE FROM partners.partner WHERE id = ?", id) == 1;
    }

    @Override
    @Transactional
    public Page<Partner> list(DirectoryQuery query) {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (query.text() != null) {
            where.add("lower(p.name) LIKE ?");
            params.add(PropertyDocuments.containsPattern(query.text()));
        }
        if (!query.filters().isEmpty()) {
            where.add(PropertyDocuments.filterSql("p", query.filters(), Map.of(), params));
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = sql.count("SELECT count(*) FROM partners.partner p" + condition, params.toArray());
        String order = SORT_COLUMNS.get(query.sortField()) + (query.descending() ? " DESC" : " ASC");
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(query.page().size());
        pageParams.add(query.page().offset());
        List<Partner> items = sql.list("SELECT " + COLUMNS + " FROM partners.partner p" + condition + " ORDER BY "
                + order + ", p.id LIMIT ? OFFSET ?", this::map, pageParams.toArray());
        return Page.of(items, query.page(), total);
    }

    @Override
    @Transactional
    public void forEach(Consumer<Partner> consumer) {
        sql.stream("SELECT " + COLUMNS + " FROM partners.partner p ORDER BY p.id", 500, this::map, consumer);
    }

    @Override
    @Transactional
    public long count() {
        return sql.count("SELECT count(*) FROM partners.partner");
    }

    private Partner map(ResultSet rs) throws SQLException {
        return new Partner(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("website"),
                PropertyDocuments.crmIds(rs.getString("crm_ids")),
                documents.read(PropertyLevel.PARTNER, rs.getString("properties")), rs.getLong("version"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
