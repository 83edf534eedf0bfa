package io.partnerportal.partners.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.jdbc.Jsonb;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.PropertyOption;
import io.partnerportal.partners.api.PropertySource;
import io.partnerportal.partners.api.PropertyType;
import io.partnerportal.partners.application.port.PropertyDefinitionStore;
import io.partnerportal.partners.domain.Json;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@Singleton
class JdbcPropertyDefinitions implements PropertyDefinitionStore {

    private static final String COLUMNS = "level, key, label, type, source, options::text AS options, crm_writable, "
            + "archived";

    private final Sql sql;

    JdbcPropertyDefinitions(Sql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional
    public List<PropertyDefinition> all(PropertyLevel level) {
        return sql.list("SELECT " + COLUMNS + " FROM partners.property_definition WHERE level = ? "
                + "ORDER BY (source = 'system') DESC, position", JdbcPropertyDefinitions::map, level.prefix());
    }

    @Override
    @Transactional
    public Optional<PropertyDefinition> find(PropertyLevel level, String key) {
        return sql.one("SELECT " + COLUMNS + " FROM partners.property_definition WHERE level = ? AND key = ?",
                JdbcPropertyDefinitions::map, level.prefix(), key);
    }

    @Override
    @Transactional
    public Optional<String> defaultOption(PropertyLevel level, String key) {
        return sql.list("SELECT default_option FROM partners.property_definition WHERE level = ? AND key = ?",
                rs -> Optional.ofNullable(rs.getString(1)), level.prefix(), key).stream().flatMap(Optional::stream)
                .findFirst();
    }

    @Override
    @Transactional
    public boolean insert(PropertyDefinition d) {
        return sql.update("INSERT INTO partners.property_definition (level, key, label, type, source, options, "
                        + "crm_writable, archived) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (level, key) DO NOTHING",
                d.level().prefix(), d.key(), d.label(), d.type().jsonName(), d.source().name().toLowerCase(Locale.ROOT),
                options(d.options()), d.crmWritable(), d.archived()) == 1;
    }

    @Override
    @Transactional
    public void update(PropertyDefinition d, String defaultOption) {
        sql.update("UPDATE partners.property_definition SET label = ?, options = ?, crm_writable = ?, archived = ?, "
                        + "default_option = ?, updated_at = now() WHERE level = ? AND key = ?",
                d.label(), options(d.options()), d.crmWritable(), d.archived(), defaultOption, d.level().prefix(),
                d.key());
    }

    @Override
    @Transactional
    public void lockForEdit() {
        sql.one("SELECT pg_advisory_xact_lock(hashtext('partners.property_definition'))", rs -> 1);
    }

    @Override
    @Transactional
    public void lockRoles(boolean exclusive) {
        sql.one("SELECT " + (exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared")
                + "(hashtext('partners.contact_role'))", rs -> 1);
    }

    private static Jsonb options(List<PropertyOption> options) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (PropertyOption o : options) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", o.key());
            m.put("label", o.label());
            json.add(m);
        }
        return new Jsonb(Json.write(json));
    }

    @SuppressWarnings("unchecked")
    private static PropertyDefinition map(ResultSet rs) throws SQLException {
        List<PropertyOption> options = new ArrayList<>();
        for (Object o : (List<Object>) Json.parse(rs.getString("options"))) {
            Map<String, Object> m = (Map<String, Object>) o;
            options.add(new PropertyOption((String) m.get("key"), (String) m.get("label")));
        }
        return new PropertyDefinition(PropertyLevel.fromPrefix(rs.getString("level")), rs.getString("key"),
                rs.getString("label"), PropertyType.fromJson(rs.getString("type")),
                PropertySource.valueOf(rs.getString("source").toUpperCase(Locale.ROOT)), options,
                rs.getBoolean("crm_writable"), rs.getBoolean("archived"));
    }
}
