package io.partnerportal.crm.sync.adapter.persistence;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.jdbc.Jsonb;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.common.web.JsonBody;
import io.partnerportal.crm.spi.CrmObject;
import io.partnerportal.crm.sync.application.port.OutboxStore;
import io.partnerportal.crm.sync.domain.OutboxEntry;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Singleton
class JdbcOutbox implements OutboxStore {

    private static final String COLUMNS = "o.id, o.seq, o.system, o.object, o.crm_id, o.record_id, o.field, o.property, "
            + "o.value::text AS value, o.cause, o.actor_kind, o.actor_id, o.actor_display, o.status, o.attempts, "
            + "o.last_error, o.next_attempt_at, o.created_at, o.delivered_at";

    private final Sql sql;
    private final JsonMapper json;

    JdbcOutbox(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    @Transactional
    public void add(List<OutboxEntry> entries) {
        List<Object[]> rows = new ArrayList<>();
        for (OutboxEntry e : entries) {
            rows.add(new Object[]{e.id(), e.system(), e.object().jsonName(), e.crmId(), e.recordId(), e.field(),
                    e.property(), write(e.value()), e.cause(), e.actor().kind().name().toLowerCase(Locale.ROOT),
                    e.actor().id(), e.actor().display(), e.createdAt()});
        }
        sql.batch("INSERT INTO crm.outbox (id, system, object, crm_id, record_id, field, property, value, cause, "
                + "actor_kind, actor_id, actor_display, status, attempts, next_attempt_at, created_at, updated_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'pending',0,now(),?,now())", rows);
    }

    @Override
    @Transactional
    public List<OutboxEntry> claim(String system, int limit, Duration lease) {
        return sql.list("WITH due AS (SELECT o.id FROM crm.outbox o WHERE o.status = 'pending' AND o.system = ? "
                + "AND o.next_attempt_at <= now() AND NOT EXISTS (SELECT 1 FROM crm.outbox e WHERE e.system = o.system "
                + "AND e.object = o.object AND e.crm_id = o.crm_id AND e.field = o.field AND e.seq < o.seq "
                + "AND e.status <> 'delivered') ORDER BY o.seq LIMIT ? FOR UPDATE OF o SKIP LOCKED) "
                + "UPDATE crm.outbox o SET attempts = o.attempts + 1, "
                + "next_attempt_at = now() + (? * interval '1 millisecond'), updated_at = now() FROM due "
                + "WHERE o.id = due.id RETURNING " + COLUMNS, this::entry, system, limit, lease.toMillis())
                .stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList();
    }

    @Override
    @Transactional
    public boolean markDelivered(UUID id) {
        return sql.update("UPDATE crm.outbox SET status = 'delivered', delivered_at = now(), updated_at = now(), "
                + "next_attempt_at = NULL WHERE id = ? AND status = 'pending'", id) == 1;
    }

    @Override
    @Transactional
    public void reschedule(UUID id, String error, Duration delay) {
        sql.update("UPDATE crm.outbox SET last_error = ?, next_attempt_at = now() + (? * interval '1 millisecond'), "
                + "updated_at = now() WHERE id = ? AND status = 'pending'", error, delay.toMillis(), id);
    }

    @Override
    @Transactional
    public void markFailed(UUID id, String error) {
        sql.update("UPDATE crm.outbox SET status = 'failed', last_error = ?, next_attempt_at = NULL, updated_at = now() "
                + "WHERE id = ? AND status = 'pending'", error, id);
    }

    @Override
    @Transactional
    public Page<OutboxEntry> list(OutboxEntry.Status status, PageRequest page) {
        String where = status == null ? "" : " WHERE o.status = ?";
        Object[] filter = status == null ? new Object[0] : new Object[]{status.jsonName()};
        long total = sql.count("SELECT count(*) FROM crm.outbox o" + where, filter);
        List<Object> params = new ArrayList<>(List.of(filter));
        params.add(page.size());
        params.add(page.offset());
        return Page.of(sql.list("SELECT " + COLUMNS + " FROM crm.outbox o" + where + " ORDER BY o.seq DESC LIMIT ? "
                + "OFFSET ?", this::entry, params.toArray()), page, total);
    }

    @Override
    @Transactional
    public Optional<OutboxEntry> find(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM crm.outbox o WHERE o.id = ?", this::entry, id);
    }

    @Override
    @Transactional
    public Set<String> undeliveredProperties(String system, CrmObject object, String crmId) {
        return new HashSet<>(sql.list("SELECT DISTINCT property FROM crm.outbox WHERE system = ? AND object = ? "
                + "AND crm_id = ? AND status <> 'delivered'", rs -> rs.getString(1), system, object.jsonName(), crmId));
    }

    @Override
    @Transactional
    public boolean retry(UUID id) {
        return sql.update("UPDATE crm.outbox SET status = 'pending', attempts = 0, next_attempt_at = now(), "
                + "updated_at = now() WHERE id = ? AND status IN ('pending', 'failed')", id) == 1;
    }

    private OutboxEntry entry(ResultSet rs) throws SQLException {
        return new OutboxEntry(Sql.uuid(rs, "id"), rs.getLong("seq"), rs.getString("system"),
                CrmObject.fromJson(rs.getString("object")), rs.getString("crm_id"), Sql.uuid(rs, "record_id"),
                rs.getString("field"), rs.getString("property"), read(rs.getString("value")), rs.getString("cause"),
                new Actor(Actor.Kind.valueOf(rs.getString("actor_kind").toUpperCase(Locale.ROOT)),
                        rs.getString("actor_id"), rs.getString("actor_display")),
                OutboxEntry.Status.fromJson(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                Sql.instant(rs, "next_attempt_at"), Sql.instant(rs, "created_at"), Sql.instant(rs, "delivered_at"));
    }

    private Jsonb write(Object value) {
        try {
            return new Jsonb(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object read(String text) {
        try {
            return text == null ? null : JsonBody.toPlain(json.readValue(text, JsonNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
