package io.partnerportal.experiences.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.experiences.application.port.ExperienceStore;
import io.partnerportal.experiences.domain.Experience;
import io.partnerportal.experiences.domain.ExperienceRules;
import io.partnerportal.experiences.domain.PublishedVersion;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class JdbcExperiences implements ExperienceStore {

    private static final String COLUMNS = "id, is_default, draft::text AS draft, revision, published_version, "
            + "created_at, updated_at";
    private static final String VERSION_COLUMNS = "experience_id, version, content::text AS content, published_at, "
            + "published_by, restored_from";

    private final Sql sql;
    private final JsonText json;

    JdbcExperiences(Sql sql, JsonText json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    @Transactional
    public List<Experience> all() {
        return sql.list("SELECT " + COLUMNS + " FROM experiences.experience "
                + "ORDER BY is_default DESC, (draft->>'priority')::int NULLS LAST, created_at, id", this::map);
    }

    @Override
    @Transactional
    public Optional<Experience> find(String id, boolean lock) {
        Optional<UUID> uuid = Sql.parseId(id);
        return uuid.isEmpty() ? Optional.empty() : sql.one("SELECT " + COLUMNS + " FROM experiences.experience "
                + "WHERE id = ?" + (lock ? " FOR UPDATE" : ""), this::map, uuid.get());
    }

    @Override
    @Transactional
    public void insert(Experience e) {
        sql.update("INSERT INTO experiences.experience (id, is_default, draft, revision, published_version, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", UUID.fromString(e.id()), e.isDefault(),
                json.write(e.draft().toJson()), e.revision(), e.publishedVersion(), e.createdAt(), e.updatedAt());
    }

    @Override
    @Transactional
    public void saveDraft(Experience e) {
        sql.update("UPDATE experiences.experience SET draft = ?, revision = ?, updated_at = ? WHERE id = ?",
                json.write(e.draft().toJson()), e.revision(), e.updatedAt(), UUID.fromString(e.id()));
    }

    @Override
    @Transactional
    public void publish(PublishedVersion v) {
        sql.update("INSERT INTO experiences.experience_version (experience_id, version, content, published_at, "
                        + "published_by, restored_from) VALUES (?, ?, ?, ?, ?, ?)", UUID.fromString(v.experienceId()),
                v.version(), json.write(v.content().toJson()), v.publishedAt(), v.publishedBy(), v.restoredFrom());
        sql.update("UPDATE experiences.experience SET published_version = ?, updated_at = ? WHERE id = ?", v.version(),
                v.publishedAt(), UUID.fromString(v.experienceId()));
    }

    @Override
    @Transactional
    public void delete(String id) {
        sql.update("DELETE FROM experiences.experience WHERE id = ?", UUID.fromString(id));
    }

    @Override
    @Transactional
    public List<PublishedVersion> versions(String experienceId) {
        return sql.list("SELECT " + VERSION_COLUMNS + " FROM experiences.experience_version WHERE experience_id = ? "
                + "ORDER BY version DESC", this::mapVersion, UUID.fromString(experienceId));
    }

    @Override
    @Transactional
    public Optional<PublishedVersion> version(String experienceId, int version) {
        return sql.one("SELECT " + VERSION_COLUMNS + " FROM experiences.experience_version WHERE experience_id = ? "
                + "AND version = ?", this::mapVersion, UUID.fromString(experienceId), version);
    }

    @Override
    @Transactional
    public List<Published> published() {
        return sql.list("SELECT v.experience_id, v.version, v.content::text AS content, v.published_at, v.published_by, "
                + "v.restored_from, e.is_default, e.created_at FROM experiences.experience e "
                + "JOIN experiences.experience_version v ON v.experience_id = e.id AND v.version = e.published_version",
                rs -> new Published(mapVersion(rs), rs.getBoolean("is_default"), Sql.instant(rs, "created_at")));
    }

    @Override
    @Transactional
    public long bumpPublication() {
        return sql.one("UPDATE experiences.publication SET sequence = sequence + 1 WHERE id = 1 RETURNING sequence",
                rs -> rs.getLong(1)).orElseThrow();
    }

    @Override
    @Transactional
    public long publication() {
        return sql.one("SELECT sequence FROM experiences.publication WHERE id = 1", rs -> rs.getLong(1)).orElse(0L);
    }

    private Experience map(ResultSet rs) throws SQLException {
        Integer published = (Integer) rs.getObject("published_version");
        return new Experience(rs.getString("id"), rs.getBoolean("is_default"),
                ExperienceRules.stored(json.read(rs.getString("draft"))), rs.getLong("revision"), published,
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private PublishedVersion mapVersion(ResultSet rs) throws SQLException {
        return new PublishedVersion(rs.getString("experience_id"), rs.getInt("version"),
                ExperienceRules.stored(json.read(rs.getString("content"))), Sql.instant(rs, "published_at"),
                rs.getString("published_by"), (Integer) rs.getObject("restored_from"));
    }
}
