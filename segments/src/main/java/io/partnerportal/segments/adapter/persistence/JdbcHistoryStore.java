package io.partnerportal.segments.adapter.persistence;

import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.segments.application.port.HistoryStore;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Singleton
class JdbcHistoryStore implements HistoryStore {

    private static final String CHANGE = "SELECT c.id, c.batch_id, c.segment_id::text AS segment_id, "
            + "coalesce(s.name, v.name) AS segment_name, c.segment_version, c.member_kind, c.member_id::text AS member_id, "
            + "c.partner_id::text AS partner_id, c.joined, NULL::int AS joined_count, NULL::int AS left_count, c.cause, "
            + "c.detail::text AS detail, c.actor_kind, c.actor_id, c.actor_display, c.at, %s AS via "
            + "FROM segments.membership_change c LEFT JOIN segments.segment s ON s.id = c.segment_id "
            + "LEFT JOIN segments.segment_version v ON v.segment_id = c.segment_id AND v.version = c.segment_version ";

    private final Sql sql;
    private final ConditionJson json;

    JdbcHistoryStore(Sql sql, ConditionJson json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    public Page<Entry> ofSegment(String segmentId, PageRequest page) {
        UUID segment = JdbcSegmentStore.uuid(segmentId);
        String batches = "SELECT b.id, b.id AS batch_id, b.segment_id::text AS segment_id, coalesce(s.name, v.name) AS "
                + "segment_name, b.segment_version, NULL AS member_kind, NULL AS member_id, NULL AS partner_id, "
                + "NULL::boolean AS joined, b.joined_count, b.left_count, b.cause, b.detail::text AS detail, b.actor_kind, "
                + "b.actor_id, b.actor_display, b.at, NULL AS via FROM segments.membership_batch b "
                + "LEFT JOIN segments.segment s ON s.id = b.segment_id LEFT JOIN segments.segment_version v "
                + "ON v.segment_id = b.segment_id AND v.version = b.segment_version WHERE b.segment_id = ?";
        String singles = String.format(CHANGE, "NULL") + "WHERE c.segment_id = ? AND c.batch_id IS NULL";
        long total = sql.count("SELECT (SELECT count(*) FROM segments.membership_batch WHERE segment_id = ?) + "
                + "(SELECT count(*) FROM segments.membership_change WHERE segment_id = ? AND batch_id IS NULL)",
                segment, segment);
        List<Entry> items = sql.list("SELECT * FROM (" + batches + " UNION ALL " + singles + ") h "
                + "ORDER BY at DESC, id DESC LIMIT ? OFFSET ?", this::entry, segment, segment, page.size(), page.offset());
        return Page.of(items, page, total);
    }

    @Override
    public Page<Entry> ofBatch(String segmentId, long batchId, PageRequest page) {
        UUID segment = JdbcSegmentStore.uuid(segmentId);
        long total = sql.count("SELECT count(*) FROM segments.membership_change WHERE segment_id = ? AND batch_id = ?",
                segment, batchId);
        List<Entry> items = sql.list(String.format(CHANGE, "NULL") + "WHERE c.segment_id = ? AND c.batch_id = ? "
                + "ORDER BY c.id LIMIT ? OFFSET ?", this::entry, segment, batchId, page.size(), page.offset());
        return Page.of(items, page, total);
    }

    @Override
    public boolean batchExists(String segmentId, long batchId) {
        return sql.count("SELECT count(*) FROM segments.membership_batch WHERE id = ? AND segment_id = ?", batchId,
                JdbcSegmentStore.uuid(segmentId)) > 0;
    }

    @Override
    public Page<Entry> ofPartner(String partnerId, PageRequest page) {
        UUID partner = JdbcSegmentStore.uuid(partnerId);
        long total = sql.count("SELECT count(*) FROM segments.membership_change WHERE member_kind = 'partner' "
                + "AND member_id = ?", partner);
        List<Entry> items = sql.list(String.format(CHANGE, "NULL") + "WHERE c.member_kind = 'partner' AND c.member_id = ? "
                + "ORDER BY c.at DESC, c.id DESC LIMIT ? OFFSET ?", this::entry, partner, page.size(), page.offset());
        return Page.of(items, page, total);
    }

    @Override
    public Page<Entry> ofContact(String contactId, String partnerId, PageRequest page) {
        UUID contact = JdbcSegmentStore.uuid(contactId);
        UUID partner = JdbcSegmentStore.uuid(partnerId);
        String own = "(c.member_kind = 'contact' AND c.member_id = ?)";
        String viaPartner = "(c.member_kind = 'partner' AND c.member_id = ?)";
        long total = sql.count("SELECT count(*) FROM segments.membership_change c WHERE " + own + " OR " + viaPartner,
                contact, partner);
        List<Entry> items = sql.list(String.format(CHANGE, "CASE WHEN c.member_kind = 'partner' THEN 'partner' END")
                        + "WHERE " + own + " OR " + viaPartner + " ORDER BY c.at DESC, c.id DESC LIMIT ? OFFSET ?",
                this::entry, contact, partner, page.size(), page.offset());
        return Page.of(items, page, total);
    }

    @Override
    public List<Long> pendingBatches() {
        return sql.list("SELECT id FROM segments.membership_batch WHERE pending_members IS NOT NULL ORDER BY id",
                rs -> rs.getLong(1));
    }

    @Override
    public int expandBatch(long batchId) {
        // the row lock makes a second expander wait, then find the batch no longer pending (re-checked on the new row)
        return (int) sql.count("WITH b AS (SELECT * FROM segments.membership_batch WHERE id = ? "
                + "AND pending_members IS NOT NULL FOR UPDATE), "
                + "written AS (INSERT INTO segments.membership_change (batch_id, segment_id, segment_version, member_kind, "
                + "member_id, partner_id, joined, cause, detail, actor_kind, actor_id, actor_display, at) "
                + "SELECT b.id, b.segment_id, b.segment_version, b.member_kind, u.m, u.p, u.n <= b.joined_count, b.cause, "
                + "b.detail, b.actor_kind, b.actor_id, b.actor_display, b.at "
                + "FROM b, unnest(b.pending_members, b.pending_partners) WITH ORDINALITY AS u(m, p, n) ORDER BY u.n "
                + "RETURNING 1), "
                + "done AS (UPDATE segments.membership_batch t SET pending_members = NULL, pending_partners = NULL "
                + "FROM b WHERE t.id = b.id) "
                + "SELECT count(*) FROM written", batchId);
    }

    @SuppressWarnings("unchecked")
    private Entry entry(ResultSet rs) throws SQLException {
        Object detail = json.readTree(rs.getString("detail"));
        return new Entry(rs.getLong("id"), (Long) rs.getObject("batch_id"), rs.getString("segment_id"),
                rs.getString("segment_name"), rs.getLong("segment_version"), rs.getString("member_kind"),
                rs.getString("member_id"), rs.getString("partner_id"), (Boolean) rs.getObject("joined"),
                (Integer) rs.getObject("joined_count"), (Integer) rs.getObject("left_count"), rs.getString("cause"),
                detail instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(), rs.getString("actor_kind"),
                rs.getString("actor_id"), rs.getString("actor_display"), Sql.instant(rs, "at"), rs.getString("via"));
    }
}
