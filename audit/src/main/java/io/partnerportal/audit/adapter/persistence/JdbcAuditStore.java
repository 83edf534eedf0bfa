package io.partnerportal.audit.adapter.persistence;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.partnerportal.audit.api.AuditEntry;
import io.partnerportal.audit.application.port.AuditStore;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConfigurationChanged;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.jdbc.Jsonb;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.common.web.JsonBody;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

@Singleton
class JdbcAuditStore implements AuditStore {

    private final Sql sql;
    private final JsonMapper json;

    JdbcAuditStore(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    public void append(ConfigurationChanged c) {
        sql.update("INSERT INTO audit.entry (entity_type, entity_id, entity_name, action, before, after, actor_kind, "
                        + "actor_id, actor_display, at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                c.entityType(), c.entityId(), c.entityName(), c.action(), jsonb(c.before()), jsonb(c.after()),
                c.actor().kind().name().toLowerCase(), c.actor().id(), c.actor().display(), c.at());
    }

    @Override
    public Page<AuditEntry> find(String entityType, String entityId, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (entityType != null) {
            where.append(" AND entity_type = ?");
            params.add(entityType);
        }
        if (entityId != null) {
            where.append(" AND entity_id = ?");
            params.add(entityId);
        }
        long total = sql.count("SELECT count(*) FROM audit.entry" + where, params.toArray());
        params.add(page.size());
        params.add(page.offset());
        List<AuditEntry> items = sql.list("SELECT id, entity_type, entity_id, entity_name, action, before::text AS b, "
                + "after::text AS a, actor_kind, actor_id, actor_display, at FROM audit.entry" + where
                + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?", rs -> new AuditEntry(rs.getLong("id"),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("entity_name"),
                rs.getString("action"), tree(rs.getString("b")), tree(rs.getString("a")),
                new Actor(Actor.Kind.valueOf(rs.getString("actor_kind").toUpperCase()), rs.getString("actor_id"),
                        rs.getString("actor_display")), Sql.instant(rs, "at")), params.toArray());
        return Page.of(items, page, total);
    }

    private Jsonb jsonb(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return new Jsonb(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JsonBody.toPlain(json.readValue(text, JsonNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
