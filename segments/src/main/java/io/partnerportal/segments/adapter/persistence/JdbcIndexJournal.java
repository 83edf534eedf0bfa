package io.partnerportal.segments.adapter.persistence;

import io.partnerportal.common.jdbc.Jsonb;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.segments.application.port.IndexJournal;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

@Singleton
class JdbcIndexJournal implements IndexJournal {

    static final String CHANNEL = "segments_index";

    private final Sql sql;
    private final ConditionJson json;

    JdbcIndexJournal(Sql sql, ConditionJson json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    public long append(Map<String, Object> payload) {
        // the row lock on the counter makes the next writer wait for this commit: no gaps, commit order
        // one round trip: take the next number, log the entry, announce it (delivered at commit)
        return sql.one("WITH next AS (UPDATE segments.index_seq SET seq = seq + 1 WHERE id = 1 RETURNING seq), "
                        + "logged AS (INSERT INTO segments.index_log (seq, payload) SELECT seq, ? FROM next RETURNING seq) "
                        + "SELECT seq, pg_notify(?, seq::text) FROM logged",
                rs -> rs.getLong(1), new Jsonb(json.write(payload)), CHANNEL).orElseThrow();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Entry> after(long seq, int limit) {
        return sql.list("SELECT seq, payload::text FROM segments.index_log WHERE seq > ? ORDER BY seq LIMIT ?",
                rs -> new Entry(rs.getLong(1), (Map<String, Object>) json.readTree(rs.getString(2))), seq, limit);
    }

    @Override
    public long latest() {
        return sql.count("SELECT seq FROM segments.index_seq WHERE id = 1");
    }

    @Override
    public long oldest() {
        return sql.one("SELECT min(seq) FROM segments.index_log", rs -> rs.getObject(1) == null ? Long.MAX_VALUE
                : rs.getLong(1)).orElse(Long.MAX_VALUE);
    }

    @Override
    public int prune(int hours) {
        // keep the newest entry so followers can always tell whether they fell behind the pruned range
        return sql.update("DELETE FROM segments.index_log WHERE at < now() - make_interval(hours => ?) "
                + "AND seq < (SELECT seq FROM segments.index_seq WHERE id = 1)", hours);
    }
}
