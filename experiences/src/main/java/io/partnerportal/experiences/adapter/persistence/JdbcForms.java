package io.partnerportal.experiences.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.experiences.application.port.FormStore;
import io.partnerportal.experiences.domain.form.Form;
import io.partnerportal.experiences.domain.form.FormRules;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
class JdbcForms implements FormStore {

    private static final String COLUMNS = "id, name, definition::text AS definition, version, created_at, updated_at";

    private final Sql sql;
    private final JsonText json;

    JdbcForms(Sql sql, JsonText json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    @Transactional
    public Page<Form> list(PageRequest page) {
        long total = sql.count("SELECT count(*) FROM experiences.form");
        return Page.of(sql.list("SELECT " + COLUMNS + " FROM experiences.form ORDER BY lower(name), id LIMIT ? OFFSET ?",
                this::map, page.size(), page.offset()), page, total);
    }

    @Override
    @Transactional
    public List<Form> all() {
        return sql.list("SELECT " + COLUMNS + " FROM experiences.form ORDER BY lower(name), id", this::map);
    }

    @Override
    @Transactional
    public Optional<Form> find(String id, boolean lock) {
        Optional<UUID> uuid = Sql.parseId(id);
        return uuid.isEmpty() ? Optional.empty() : sql.one("SELECT " + COLUMNS + " FROM experiences.form WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""), this::map, uuid.get());
    }

    @Override
    @Transactional
    public List<String> existing(Collection<String> ids) {
        UUID[] uuids = ids.stream().map(Sql::parseId).flatMap(Optional::stream).toArray(UUID[]::new);
        if (uuids.length == 0) {
            return List.of();
        }
        return sql.list("SELECT id FROM experiences.form WHERE id = ANY(?)", rs -> rs.getString(1), (Object) uuids);
    }

    @Override
    @Transactional
    public void insert(Form f) {
        sql.update("INSERT INTO experiences.form (id, name, definition, version, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", UUID.fromString(f.id()), f.name(), json.write(f.definitionJson()),
                f.version(), f.createdAt(), f.updatedAt());
    }

    @Override
    @Transactional
    public void update(Form f) {
        sql.update("UPDATE experiences.form SET name = ?, definition = ?, version = ?, updated_at = ? WHERE id = ?",
                f.name(), json.write(f.definitionJson()), f.version(), f.updatedAt(), UUID.fromString(f.id()));
    }

    @Override
    @Transactional
    public void delete(String id) {
        sql.update("DELETE FROM experiences.form WHERE id = ?", UUID.fromString(id));
    }

    private Form map(ResultSet rs) throws SQLException {
        Map<String, Object> body = new LinkedHashMap<>(json.read(rs.getString("definition")));
        body.put("name", rs.getString("name"));
        return FormRules.form(rs.getString("id"), body, null, rs.getLong("version"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
