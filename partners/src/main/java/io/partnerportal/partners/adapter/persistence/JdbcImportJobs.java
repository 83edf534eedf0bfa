package io.partnerportal.partners.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.jdbc.Jsonb;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.application.port.ImportJobStore;
import io.partnerportal.partners.domain.Json;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
class JdbcImportJobs implements ImportJobStore {

    private final Sql sql;

    JdbcImportJobs(Sql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional
    public void create(ImportJob job) {
        sql.update("INSERT INTO partners.import_job (id, level, format, status, actor_kind, actor_id, actor_display, "
                        + "bytes_total, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                job.id(), job.level().prefix(), job.format(), job.status(), job.actor().kind().name(),
                job.actor().id(), job.actor().display(), job.bytesTotal(), job.createdAt(), job.createdAt());
    }

    @Override
    @Transactional
    public Optional<ImportJob> find(UUID id) {
        return sql.one("SELECT *, errors::text AS errors_text FROM partners.import_job WHERE id = ?",
                JdbcImportJobs::map, id);
    }

    @Override
    @Transactional
    public void started(UUID id, Instant at) {
        sql.update("UPDATE partners.import_job SET status = 'running', started_at = ?, updated_at = ? WHERE id = ?",
                at, at, id);
    }

    @Override
    @Transactional
    public void progress(UUID id, long bytesRead, long rows, long created, long updated, long unchanged, long failed,
                         List<LineError> errors, int maxErrors, Instant at) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (LineError e : errors) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", e.line());
            m.put("field", e.field());
            m.put("message", e.message());
            json.add(m);
        }
        // keep the first maxErrors errors; the counts stay exact
        sql.update("UPDATE partners.import_job SET bytes_read = greatest(bytes_read, ?), rows_read = rows_read + ?, "
                        + "created_count = created_count + ?, updated_count = updated_count + ?, "
                        + "unchanged_count = unchanged_count + ?, failed_count = failed_count + ?, "
                        + "errors_truncated = errors_truncated OR jsonb_array_length(errors) + ? > ?, "
                        + "errors = CASE WHEN jsonb_array_length(errors) >= ? THEN errors ELSE "
                        + "(SELECT coalesce(jsonb_agg(e ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(errors || ?) "
                        + "WITH ORDINALITY AS t(e, n) WHERE n <= ?) END, updated_at = ? WHERE id = ?",
                bytesRead, rows, created, updated, unchanged, failed, errors.size(), maxErrors, maxErrors,
                new Jsonb(Json.write(json)), maxErrors, at, id);
    }

    @Override
    @Transactional
    public void finished(UUID id, String status, String message, Instant at) {
        sql.update("UPDATE partners.import_job SET status = ?, message = ?, finished_at = ?, updated_at = ?, "
                + "bytes_read = CASE WHEN ? = 'completed' THEN bytes_total ELSE bytes_read END WHERE id = ?",
                status, message, at, at, status, id);
    }

    @Override
    @Transactional
    public int failStale(Instant updatedBefore, Instant at) {
        return sql.update("UPDATE partners.import_job SET status = 'failed', message = 'The import stopped: the "
                + "instance running it went away. Upload the file again (rows already imported are updated, not "
                + "duplicated, when they carry ids, CRM ids or e-mail addresses).', finished_at = ?, updated_at = ? "
                + "WHERE status IN ('queued', 'running') AND updated_at < ?", at, at, updatedBefore);
    }

    @SuppressWarnings("unchecked")
    private static ImportJob map(ResultSet rs) throws SQLException {
        List<LineError> errors = new ArrayList<>();
        for (Object o : (List<Object>) Json.parse(rs.getString("errors_text"))) {
            Map<String, Object> m = (Map<String, Object>) o;
            errors.add(new LineError(((BigDecimal) m.get("line")).longValue(), (String) m.get("field"),
                    (String) m.get("message")));
        }
        return new ImportJob(Sql.uuid(rs, "id"), PropertyLevel.fromPrefix(rs.getString("level")),
                rs.getString("format"), rs.getString("status"),
                new Actor(Actor.Kind.valueOf(rs.getString("actor_kind").toUpperCase(Locale.ROOT)),
                        rs.getString("actor_id"), rs.getString("actor_display")),
                rs.getLong("bytes_total"), rs.getLong("bytes_read"), rs.getLong("rows_read"),
                rs.getLong("created_count"), rs.getLong("updated_count"), rs.getLong("unchanged_count"),
                rs.getLong("failed_count"), errors, rs.getBoolean("errors_truncated"), rs.getString("message"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"));
    }
}
