package io.partnerportal.segments.adapter.persistence;

import io.partnerportal.common.Actor;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.jdbc.Jsonb;
import io.partnerportal.common.jdbc.RowMapper;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.segments.application.port.SegmentStore;
import io.partnerportal.segments.domain.segment.Permissions;
import io.partnerportal.segments.domain.segment.Segment;
import io.partnerportal.segments.domain.segment.SegmentKind;
import io.partnerportal.segments.domain.SegmentLevel;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
class JdbcSegmentStore implements SegmentStore {

    /** Key of the advisory lock guarding segment definitions (shared: maintenance; exclusive: edits). */
    private static final long DEFINITIONS_LOCK = 7_270_001L;
    private static final String COLUMNS = "id, name, description, level, kind, condition::text AS condition, "
            + "invite_team_members, collaboration_restricted, version, created_at, updated_at";

    private final Sql sql;
    private final ConditionJson json;
    private final RowMapper<Segment> mapper;

    JdbcSegmentStore(Sql sql, ConditionJson json) {
        this.sql = sql;
        this.json = json;
        this.mapper = rs -> new Segment(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                SegmentLevel.fromJson(rs.getString("level")), SegmentKind.fromJson(rs.getString("kind")),
                json.readCondition(rs.getString("condition")),
                new Permissions((Boolean) rs.getObject("invite_team_members"),
                        (Boolean) rs.getObject("collaboration_restricted")),
                rs.getLong("version"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    @Override
    public List<Segment> findAll() {
        return sql.list("SELECT " + COLUMNS + " FROM segments.segment ORDER BY lower(name)", mapper);
    }

    @Override
    public Optional<Segment> find(String id) {
        UUID uuid = uuid(id);
        return uuid == null ? Optional.empty()
                : sql.one("SELECT " + COLUMNS + " FROM segments.segment WHERE id = ?", mapper, uuid);
    }

    @Override
    public Optional<Segment> findForUpdate(String id) {
        UUID uuid = uuid(id);
        return uuid == null ? Optional.empty()
                : sql.one("SELECT " + COLUMNS + " FROM segments.segment WHERE id = ? FOR UPDATE", mapper, uuid);
    }

    @Override
    public Page<Segment> list(String query, SegmentLevel level, SegmentKind kind, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            where.append(" AND (name ILIKE ? OR description ILIKE ?)");
            String like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        if (level != null) {
            where.append(" AND level = ?");
            params.add(level.jsonName());
        }
        if (kind != null) {
            where.append(" AND kind = ?");
            params.add(kind.jsonName());
        }
        long total = sql.count("SELECT count(*) FROM segments.segment" + where, params.toArray());
        params.add(page.size());
        params.add(page.offset());
        List<Segment> items = sql.list("SELECT " + COLUMNS + " FROM segments.segment" + where
                + " ORDER BY lower(name), id LIMIT ? OFFSET ?", mapper, params.toArray());
        return Page.of(items, page, total);
    }

    @Override
    public boolean nameTaken(String name, String exceptId) {
        return sql.exists("SELECT EXISTS (SELECT 1 FROM segments.segment WHERE lower(name) = lower(?) AND id <> ?)",
                name, uuidOrNil(exceptId));
    }

    @Override
    public void insert(Segment s, Actor actor) {
        sql.update("INSERT INTO segments.segment (id, name, description, level, kind, condition, invite_team_members, "
                        + "collaboration_restricted, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                UUID.fromString(s.id()), s.name(), s.description(), s.level().jsonName(), s.kind().jsonName(),
                conditionJson(s), s.permissions().inviteTeamMembers(), s.permissions().collaborationRestricted(),
                s.version(), s.createdAt(), s.updatedAt());
        saveVersion(s, actor);
    }

    @Override
    public void update(Segment s, Actor actor) {
        sql.update("UPDATE segments.segment SET name = ?, description = ?, condition = ?, invite_team_members = ?, "
                        + "collaboration_restricted = ?, version = ?, updated_at = ? WHERE id = ?",
                s.name(), s.description(), conditionJson(s), s.permissions().inviteTeamMembers(),
                s.permissions().collaborationRestricted(), s.version(), s.updatedAt(), UUID.fromString(s.id()));
        saveVersion(s, actor);
    }

    private void saveVersion(Segment s, Actor actor) {
        Map<String, Object> permissions = new LinkedHashMap<>();
        permissions.put("inviteTeamMembers", s.permissions().inviteTeamMembers());
        permissions.put("collaborationRestricted", s.permissions().collaborationRestricted());
        sql.update("INSERT INTO segments.segment_version (segment_id, version, name, description, level, kind, condition, "
                        + "permissions, actor_kind, actor_id, actor_display, saved_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                UUID.fromString(s.id()), s.version(), s.name(), s.description(), s.level().jsonName(),
                s.kind().jsonName(), conditionJson(s), new Jsonb(json.write(permissions)), actor.kind().name().toLowerCase(),
                actor.id(), actor.display(), s.updatedAt());
    }

    @Override
    public void delete(String id) {
        sql.update("DELETE FROM segments.segment WHERE id = ?", UUID.fromString(id));
    }

    @Override
    public List<Map<String, Object>> versions(String id) {
        return sql.list("SELECT version, name, description, level, kind, condition::text AS condition, "
                + "permissions::text AS permissions, actor_kind, actor_id, actor_display, saved_at "
                + "FROM segments.segment_version WHERE segment_id = ? ORDER BY version DESC", rs -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("version", rs.getLong("version"));
            v.put("name", rs.getString("name"));
            v.put("description", rs.getString("description"));
            v.put("level", rs.getString("level"));
            v.put("kind", rs.getString("kind"));
            v.put("condition", json.readTree(rs.getString("condition")));
            v.put("permissions", json.readTree(rs.getString("permissions")));
            v.put("savedBy", Map.of("kind", rs.getString("actor_kind"), "id", rs.getString("actor_id"),
                    "display", rs.getString("actor_display")));
            v.put("savedAt", Sql.instant(rs, "saved_at").toString());
            return v;
        }, UUID.fromString(id));
    }

    @Override
    public long definitionsVersion() {
        return sql.count("SELECT version FROM segments.definitions WHERE id = 1");
    }

    @Override
    public long bumpDefinitionsVersion() {
        return sql.one("UPDATE segments.definitions SET version = version + 1 WHERE id = 1 RETURNING version",
                rs -> rs.getLong(1)).orElseThrow();
    }

    @Override
    public void lockDefinitions(boolean exclusive) {
        sql.one(exclusive ? "SELECT pg_advisory_xact_lock(?)" : "SELECT pg_advisory_xact_lock_shared(?)",
                rs -> 1, DEFINITIONS_LOCK);
    }

    private Jsonb conditionJson(Segment s) {
        return s.condition() == null ? null : new Jsonb(json.write(s.condition().toJson()));
    }

    static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID uuidOrNil(String id) {
        UUID uuid = uuid(id);
        return uuid == null ? new UUID(0, 0) : uuid;
    }
}
