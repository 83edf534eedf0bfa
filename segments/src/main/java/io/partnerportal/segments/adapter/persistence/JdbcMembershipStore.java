package io.partnerportal.segments.adapter.persistence;

import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.jdbc.Jsonb;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.domain.segment.MembershipCause;
import io.partnerportal.segments.domain.segment.MembershipDiff;
import io.partnerportal.segments.domain.SegmentLevel;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Membership rows ({@code partner_member}, {@code contact_member}), their history, and segments'
 * copy of which contact belongs to which partner. Set-based statements over arrays, so a diff of
 * thousands of members is a handful of statements.
 */
@Singleton
class JdbcMembershipStore implements MembershipStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcMembershipStore.class);

    private final Sql sql;
    private final ConditionJson json;

    JdbcMembershipStore(Sql sql, ConditionJson json) {
        this.sql = sql;
        this.json = json;
    }

    private static String table(SegmentLevel level) {
        return level == SegmentLevel.PARTNER ? "segments.partner_member" : "segments.contact_member";
    }

    private static String column(SegmentLevel level) {
        return level == SegmentLevel.PARTNER ? "partner_id" : "contact_id";
    }

    @Override
    public Set<String> membersAmong(String segmentId, SegmentLevel level, Collection<String> memberIds) {
        if (memberIds.isEmpty() || JdbcSegmentStore.uuid(segmentId) == null) {
            return Set.of();
        }
        return new HashSet<>(sql.list("SELECT " + column(level) + "::text FROM " + table(level)
                        + " WHERE segment_id = ? AND " + column(level) + " = ANY(?::uuid[])", rs -> rs.getString(1),
                UUID.fromString(segmentId), uuids(memberIds)));
    }

    @Override
    public Map<String, Set<String>> membersAmong(SegmentLevel level, Collection<String> segmentIds,
                                                 Collection<String> memberIds) {
        Map<String, Set<String>> found = new HashMap<>();
        String[] segments = uuids(segmentIds);
        String[] members = uuids(memberIds);
        if (segments.length == 0 || members.length == 0) {
            return found;
        }
        sql.list("SELECT segment_id::text, " + column(level) + "::text FROM " + table(level)
                        + " WHERE segment_id = ANY(?::uuid[]) AND " + column(level) + " = ANY(?::uuid[])",
                rs -> found.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)),
                segments, members);
        return found;
    }

    /**
     * The joins, the leaves and the history rows of small changes are one statement (data-modifying
     * CTEs); bulk changes (more than {@link #BATCH_THRESHOLD} members of a segment) add one for their batch rows.
     */
    @Override
    public void applyAll(List<SegmentChange> changes, MembershipCause cause) {
        List<Ordered> effective = changes.stream().filter(c -> !c.diff().isEmpty()).map(Ordered::of).toList();
        if (effective.isEmpty()) {
            return;
        }
        Map<SegmentLevel, String[][]> rows = new HashMap<>(); // level -> {join segments, join members, leave segments, leave members}
        for (SegmentLevel level : SegmentLevel.values()) {
            List<String> js = new ArrayList<>();
            List<String> jm = new ArrayList<>();
            List<String> ls = new ArrayList<>();
            List<String> lm = new ArrayList<>();
            for (Ordered o : effective) {
                if (o.change().level() == level) {
                    o.joined().forEach(m -> {
                        js.add(o.change().segmentId());
                        jm.add(m);
                    });
                    o.left().forEach(m -> {
                        ls.add(o.change().segmentId());
                        lm.add(m);
                    });
                }
            }
            rows.put(level, new String[][]{js.toArray(String[]::new), jm.toArray(String[]::new),
                ls.toArray(String[]::new), lm.toArray(String[]::new)});
        }
        Jsonb detail = new Jsonb(json.write(cause.detail()));
        String actorKind = cause.actor().kind().name().toLowerCase();
        recordBatches(effective.stream().filter(Ordered::bulk).toList(), cause, detail, actorKind);
        // member rows now only for the small changes; a batch's are written after commit (ADR 0012)
        List<String> segments = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> members = new ArrayList<>();
        List<String> partners = new ArrayList<>();
        List<Boolean> joined = new ArrayList<>();
        for (Ordered o : effective) {
            if (o.bulk()) {
                continue;
            }
            SegmentChange c = o.change();
            for (int pass = 0; pass < 2; pass++) {
                boolean join = pass == 0;
                for (String m : join ? o.joined() : o.left()) {
                    segments.add(c.segmentId());
                    versions.add(Long.toString(c.segmentVersion()));
                    kinds.add(c.level().jsonName());
                    members.add(m);
                    partners.add(o.partnerOf(m));
                    joined.add(join);
                }
            }
        }
        String[][] p = rows.get(SegmentLevel.PARTNER);
        String[][] c = rows.get(SegmentLevel.CONTACT);
        sql.update("WITH pj AS (INSERT INTO segments.partner_member (segment_id, partner_id) "
                        + "SELECT * FROM unnest(?::uuid[], ?::uuid[]) ON CONFLICT DO NOTHING), "
                        + "pl AS (DELETE FROM segments.partner_member t USING unnest(?::uuid[], ?::uuid[]) AS d(s, m) "
                        + "WHERE t.segment_id = d.s AND t.partner_id = d.m), "
                        + "cj AS (INSERT INTO segments.contact_member (segment_id, contact_id) "
                        + "SELECT * FROM unnest(?::uuid[], ?::uuid[]) ON CONFLICT DO NOTHING), "
                        + "cl AS (DELETE FROM segments.contact_member t USING unnest(?::uuid[], ?::uuid[]) AS d(s, m) "
                        + "WHERE t.segment_id = d.s AND t.contact_id = d.m) "
                        + "INSERT INTO segments.membership_change (segment_id, segment_version, member_kind, "
                        + "member_id, partner_id, joined, cause, detail, actor_kind, actor_id, actor_display, at) "
                        + "SELECT t.s, t.v::bigint, t.k, t.m, t.p, t.j, ?, ?, ?, ?, ?, now() "
                        + "FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::boolean[]) "
                        + "AS t(s, v, k, m, p, j)",
                p[0], p[1], p[2], p[3], c[0], c[1], c[2], c[3],
                cause.type(), detail, actorKind, cause.actor().id(), cause.actor().display(),
                segments.toArray(String[]::new), versions.toArray(String[]::new),
                kinds.toArray(String[]::new), members.toArray(String[]::new), partners.toArray(String[]::new),
                joined.toArray(Boolean[]::new));
    }

    @Override
    public boolean isMember(String segmentId, SegmentLevel level, String memberId) {
        UUID segment = JdbcSegmentStore.uuid(segmentId);
        UUID member = JdbcSegmentStore.uuid(memberId);
        return segment != null && member != null && sql.exists("SELECT EXISTS (SELECT 1 FROM " + table(level)
                + " WHERE segment_id = ? AND " + column(level) + " = ?)", segment, member);
    }

    @Override
    public Set<String> allMembers(String segmentId, SegmentLevel level) {
        Set<String> members = new HashSet<>();
        forEachMember(segmentId, level, members::add);
        return members;
    }

    @Override
    public void forEachMember(String segmentId, SegmentLevel level, Consumer<String> consumer) {
        UUID segment = JdbcSegmentStore.uuid(segmentId);
        if (segment != null) {
            sql.stream("SELECT " + column(level) + "::text FROM " + table(level) + " WHERE segment_id = ? ORDER BY "
                    + column(level), 10_000,
                    rs -> rs.getString(1), consumer, segment);
        }
    }

    @Override
    public Page<String> members(String segmentId, SegmentLevel level, PageRequest page) {
        UUID segment = JdbcSegmentStore.uuid(segmentId);
        long total = memberCount(segmentId, level);
        List<String> items = sql.list("SELECT " + column(level) + "::text FROM " + table(level)
                        + " WHERE segment_id = ? ORDER BY " + column(level) + " LIMIT ? OFFSET ?", rs -> rs.getString(1),
                segment, page.size(), page.offset());
        return Page.of(items, page, total);
    }

    @Override
    public List<String> membersAfter(String segmentId, SegmentLevel level, String afterId, int limit) {
        UUID segment = JdbcSegmentStore.uuid(segmentId);
        UUID after = afterId == null || afterId.isEmpty() ? new UUID(0, 0) : UUID.fromString(afterId);
        return segment == null ? List.of() : sql.list("SELECT " + column(level) + "::text FROM " + table(level)
                        + " WHERE segment_id = ? AND " + column(level) + " > ? ORDER BY " + column(level) + " LIMIT ?",
                rs -> rs.getString(1), segment, after, limit);
    }

    @Override
    public long memberCount(String segmentId, SegmentLevel level) {
        UUID segment = JdbcSegmentStore.uuid(segmentId);
        return segment == null ? 0 : sql.count("SELECT count(*) FROM " + table(level) + " WHERE segment_id = ?", segment);
    }

    @Override
    public long contactCount(String segmentId, SegmentLevel level) {
        if (level == SegmentLevel.CONTACT) {
            return memberCount(segmentId, level);
        }
        UUID segment = JdbcSegmentStore.uuid(segmentId);
        return segment == null ? 0 : sql.count("SELECT coalesce(sum(s.contact_count), 0) FROM segments.partner_member m "
                + "JOIN segments.partner_state s ON s.partner_id = m.partner_id WHERE m.segment_id = ?", segment);
    }

    @Override
    public void apply(String segmentId, long segmentVersion, SegmentLevel level, MembershipDiff diff,
                      Map<String, String> partnerOf, MembershipCause cause) {
        if (diff.isEmpty()) {
            return;
        }
        UUID segment = UUID.fromString(segmentId);
        if (!diff.joined().isEmpty()) {
            sql.update("INSERT INTO " + table(level) + " (segment_id, " + column(level) + ") "
                    + "SELECT ?, unnest(?::uuid[]) ON CONFLICT DO NOTHING", segment, uuids(diff.joined()));
        }
        if (!diff.left().isEmpty()) {
            sql.update("DELETE FROM " + table(level) + " WHERE segment_id = ? AND " + column(level)
                    + " = ANY(?::uuid[])", segment, uuids(diff.left()));
        }
        recordHistory(segment, segmentVersion, level, diff, partnerOf, cause);
    }

    private void recordHistory(UUID segment, long version, SegmentLevel level, MembershipDiff diff,
                               Map<String, String> partnerOf, MembershipCause cause) {
        Jsonb detail = new Jsonb(json.write(cause.detail()));
        String actorKind = cause.actor().kind().name().toLowerCase();
        if (diff.size() > BATCH_THRESHOLD) {
            recordBatches(List.of(Ordered.of(new SegmentChange(segment.toString(), version, level, diff, partnerOf))),
                    cause, detail, actorKind);
            return;
        }
        List<String> members = new ArrayList<>(diff.joined());
        members.addAll(diff.left());
        String[] memberIds = members.toArray(String[]::new);
        String[] partners = new String[memberIds.length];
        Boolean[] joined = new Boolean[memberIds.length];
        for (int i = 0; i < memberIds.length; i++) {
            partners[i] = level == SegmentLevel.PARTNER ? memberIds[i] : partnerOf.get(memberIds[i]);
            joined[i] = i < diff.joined().size();
        }
        sql.update("INSERT INTO segments.membership_change (segment_id, segment_version, member_kind, "
                        + "member_id, partner_id, joined, cause, detail, actor_kind, actor_id, actor_display, at) "
                        + "SELECT ?, ?, ?, t.m, t.p, t.j, ?, ?, ?, ?, ?, now() "
                        + "FROM unnest(?::uuid[], ?::uuid[], ?::boolean[]) AS t(m, p, j)",
                segment, version, level.jsonName(), cause.type(), detail, actorKind, cause.actor().id(),
                cause.actor().display(), memberIds, partners, joined);
    }

    /**
     * One batch row per bulk change, holding the members it moved (joined first, each in key order)
     * and their partners as arrays: pending until {@link JdbcHistoryStore#expandBatch} writes their
     * member rows after commit (ADR 0012). One statement for all of them: the arrays of every batch
     * are passed end to end and each row takes its slice.
     */
    private void recordBatches(List<Ordered> big, MembershipCause cause, Jsonb detail, String actorKind) {
        if (big.isEmpty()) {
            return;
        }
        List<String> members = new ArrayList<>();
        List<String> partners = new ArrayList<>();
        String[] from = new String[big.size()];
        String[] to = new String[big.size()];
        for (int b = 0; b < big.size(); b++) {
            Ordered o = big.get(b);
            from[b] = Integer.toString(members.size() + 1);
            for (List<String> part : List.of(o.joined(), o.left())) {
                for (String m : part) {
                    members.add(m);
                    partners.add(o.partnerOf(m));
                }
            }
            to[b] = Integer.toString(members.size());
        }
        sql.update("WITH f AS (SELECT ?::uuid[] AS m, ?::uuid[] AS p) "
                        + "INSERT INTO segments.membership_batch (segment_id, segment_version, member_kind, cause, detail, "
                        + "actor_kind, actor_id, actor_display, joined_count, left_count, at, pending_members, "
                        + "pending_partners) "
                        + "SELECT t.s, t.v::bigint, t.k, ?, ?, ?, ?, ?, t.j::integer, t.l::integer, now(), "
                        + "f.m[t.a::integer:t.b::integer], f.p[t.a::integer:t.b::integer] "
                        + "FROM f, unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                        + "AS t(s, v, k, j, l, a, b)",
                members.toArray(String[]::new), partners.toArray(String[]::new), cause.type(), detail, actorKind,
                cause.actor().id(), cause.actor().display(),
                big.stream().map(o -> o.change().segmentId()).toArray(String[]::new),
                big.stream().map(o -> Long.toString(o.change().segmentVersion())).toArray(String[]::new),
                big.stream().map(o -> o.change().level().jsonName()).toArray(String[]::new),
                big.stream().map(o -> Integer.toString(o.joined().size())).toArray(String[]::new),
                big.stream().map(o -> Integer.toString(o.left().size())).toArray(String[]::new),
                from, to);
    }

    @Override
    public void removeEverywhere(SegmentLevel level, String memberId, String partnerId, MembershipCause cause) {
        UUID member = UUID.fromString(memberId);
        List<Object[]> rows = sql.list("DELETE FROM " + table(level) + " m USING segments.segment s "
                        + "WHERE m.segment_id = s.id AND m." + column(level) + " = ? RETURNING s.id::text, s.version",
                rs -> new Object[]{rs.getString(1), rs.getLong(2)}, member);
        for (Object[] row : rows) {
            recordHistory(UUID.fromString((String) row[0]), (Long) row[1], level,
                    new MembershipDiff(Set.of(), Set.of(memberId)), Map.of(memberId, partnerId), cause);
        }
    }

    @Override
    public Set<String> segmentsOfPartner(String partnerId) {
        UUID partner = JdbcSegmentStore.uuid(partnerId);
        return partner == null ? Set.of() : new LinkedHashSet<>(sql.list(
                "SELECT segment_id::text FROM segments.partner_member WHERE partner_id = ?", rs -> rs.getString(1),
                partner));
    }

    @Override
    public Set<String> contactLevelSegmentsOf(String contactId) {
        UUID contact = JdbcSegmentStore.uuid(contactId);
        return contact == null ? Set.of() : new LinkedHashSet<>(sql.list(
                "SELECT segment_id::text FROM segments.contact_member WHERE contact_id = ?", rs -> rs.getString(1),
                contact));
    }

    @Override
    public boolean inAnyOf(String contactId, Collection<String> segmentIds) {
        UUID contact = JdbcSegmentStore.uuid(contactId);
        if (contact == null || segmentIds.isEmpty()) {
            return false;
        }
        String[] segments = uuids(segmentIds);
        return sql.exists("SELECT EXISTS (SELECT 1 FROM segments.contact_member WHERE contact_id = ? "
                + "AND segment_id = ANY(?::uuid[])) OR EXISTS (SELECT 1 FROM segments.partner_member m "
                + "JOIN segments.contact_state c ON c.partner_id = m.partner_id WHERE c.contact_id = ? "
                + "AND m.segment_id = ANY(?::uuid[]))", contact, segments, contact, segments);
    }

    @Override
    public void lockPartners(Collection<String> partnerIds) {
        String[] ids = uuids(partnerIds);
        if (ids.length == 0) {
            return;
        }
        // the rows exist for every known partner: lock them in one round trip, create missing ones only if any
        int locked = sql.list("SELECT partner_id FROM segments.partner_state WHERE partner_id = ANY(?::uuid[]) "
                + "ORDER BY partner_id FOR UPDATE", rs -> 1, (Object) ids).size();
        if (locked < ids.length) {
            sql.update("INSERT INTO segments.partner_state (partner_id) SELECT unnest(?::uuid[]) ON CONFLICT DO NOTHING",
                    (Object) ids);
            sql.list("SELECT partner_id FROM segments.partner_state WHERE partner_id = ANY(?::uuid[]) "
                    + "ORDER BY partner_id FOR UPDATE", rs -> 1, (Object) ids);
        }
    }

    @Override
    public void partnerCreated(String partnerId) {
        sql.update("INSERT INTO segments.partner_state (partner_id) VALUES (?) ON CONFLICT DO NOTHING",
                UUID.fromString(partnerId));
    }

    @Override
    public void partnerDeleted(String partnerId) {
        sql.update("DELETE FROM segments.partner_state WHERE partner_id = ?", UUID.fromString(partnerId));
    }

    @Override
    public void contactPlaced(String contactId, String partnerId, String previousPartnerId) {
        UUID contact = UUID.fromString(contactId);
        UUID partner = UUID.fromString(partnerId);
        String before = sql.one("SELECT partner_id::text FROM segments.contact_state WHERE contact_id = ?",
                rs -> rs.getString(1), contact).orElse(null);
        if (partnerId.equals(before)) {
            return;
        }
        sql.update("INSERT INTO segments.contact_state (contact_id, partner_id) VALUES (?, ?) "
                + "ON CONFLICT (contact_id) DO UPDATE SET partner_id = excluded.partner_id", contact, partner);
        if (before != null) {
            sql.update("UPDATE segments.partner_state SET contact_count = greatest(contact_count - 1, 0) "
                    + "WHERE partner_id = ?", UUID.fromString(before));
        }
        sql.update("INSERT INTO segments.partner_state (partner_id, contact_count) VALUES (?, 1) "
                + "ON CONFLICT (partner_id) DO UPDATE SET contact_count = partner_state.contact_count + 1", partner);
    }

    @Override
    public void contactRemoved(String contactId, String partnerId) {
        int removed = sql.update("DELETE FROM segments.contact_state WHERE contact_id = ?", UUID.fromString(contactId));
        if (removed > 0) {
            sql.update("UPDATE segments.partner_state SET contact_count = greatest(contact_count - 1, 0) "
                    + "WHERE partner_id = ?", UUID.fromString(partnerId));
        }
    }

    @Override
    public String partnerOfContact(String contactId) {
        UUID contact = JdbcSegmentStore.uuid(contactId);
        return contact == null ? null : sql.one("SELECT partner_id::text FROM segments.contact_state WHERE contact_id = ?",
                rs -> rs.getString(1), contact).orElse(null);
    }

    @Override
    public List<String> contactsOfPartner(String partnerId) {
        UUID partner = JdbcSegmentStore.uuid(partnerId);
        return partner == null ? List.of() : sql.list(
                "SELECT contact_id::text FROM segments.contact_state WHERE partner_id = ? ORDER BY contact_id",
                rs -> rs.getString(1), partner);
    }

    @Override
    public void forEachPlacement(java.util.function.BiConsumer<String, String> contactAndPartner) {
        sql.stream("SELECT contact_id::text, partner_id::text FROM segments.contact_state ORDER BY contact_id", 10_000,
                rs -> new String[]{rs.getString(1), rs.getString(2)}, row -> contactAndPartner.accept(row[0], row[1]));
    }

    @Override
    public void forEachPartnerId(Consumer<String> partner) {
        sql.stream("SELECT partner_id::text FROM segments.partner_state ORDER BY partner_id", 10_000, rs -> rs.getString(1),
                partner);
    }

    @Override
    public void forEachMembership(SegmentLevel level, java.util.function.BiConsumer<String, String> segmentAndMember) {
        sql.stream("SELECT segment_id::text, " + column(level) + "::text FROM " + table(level), 10_000,
                rs -> new String[]{rs.getString(1), rs.getString(2)}, row -> segmentAndMember.accept(row[0], row[1]));
    }

    @Override
    public long resynchronize(DirectoryPlacements directory) {
        sql.update("CREATE TEMP TABLE directory_partner (partner_id uuid PRIMARY KEY) ON COMMIT DROP");
        sql.update("CREATE TEMP TABLE directory_contact (contact_id uuid PRIMARY KEY, partner_id uuid NOT NULL) "
                + "ON COMMIT DROP");
        sql.withConnection(connection -> {
            try (BinaryUuidCopy partners = new BinaryUuidCopy(connection, "directory_partner", "partner_id", 1)) {
                directory.forEachPartner(p -> unchecked(() -> partners.row(p)));
                partners.finish();
            }
            try (BinaryUuidCopy contacts = new BinaryUuidCopy(connection, "directory_contact", "contact_id, partner_id",
                    2)) {
                directory.forEachContact((c, p) -> unchecked(() -> contacts.row(c, p)));
                contacts.finish();
            }
            return null;
        });
        sql.update("ANALYZE directory_partner");
        sql.update("ANALYZE directory_contact");
        long fixes = sql.count("SELECT (SELECT count(*) FROM directory_contact d LEFT JOIN segments.contact_state s "
                + "ON s.contact_id = d.contact_id WHERE s.partner_id IS DISTINCT FROM d.partner_id) "
                + "+ (SELECT count(*) FROM segments.contact_state s WHERE NOT EXISTS "
                + "(SELECT 1 FROM directory_contact d WHERE d.contact_id = s.contact_id)) "
                + "+ (SELECT count(*) FROM directory_partner d WHERE NOT EXISTS "
                + "(SELECT 1 FROM segments.partner_state s WHERE s.partner_id = d.partner_id)) "
                + "+ (SELECT count(*) FROM segments.partner_state s WHERE NOT EXISTS "
                + "(SELECT 1 FROM directory_partner d WHERE d.partner_id = s.partner_id))");
        if (fixes > 0) {
            // memberships of records that are gone are left to the recomputation, which records them as leaves
            sql.update("DELETE FROM segments.contact_state s WHERE NOT EXISTS "
                    + "(SELECT 1 FROM directory_contact d WHERE d.contact_id = s.contact_id)");
            sql.update("INSERT INTO segments.contact_state (contact_id, partner_id) "
                    + "SELECT contact_id, partner_id FROM directory_contact ON CONFLICT (contact_id) "
                    + "DO UPDATE SET partner_id = excluded.partner_id "
                    + "WHERE contact_state.partner_id IS DISTINCT FROM excluded.partner_id");
            sql.update("DELETE FROM segments.partner_state s WHERE NOT EXISTS "
                    + "(SELECT 1 FROM directory_partner d WHERE d.partner_id = s.partner_id)");
            sql.update("INSERT INTO segments.partner_state (partner_id) SELECT partner_id FROM directory_partner "
                    + "ON CONFLICT DO NOTHING");
        }
        // counts are derived: always recount (one statement)
        sql.update("UPDATE segments.partner_state s SET contact_count = n.count FROM (SELECT p.partner_id, "
                + "count(c.contact_id) AS count FROM segments.partner_state p LEFT JOIN segments.contact_state c "
                + "ON c.partner_id = p.partner_id GROUP BY p.partner_id) n "
                + "WHERE n.partner_id = s.partner_id AND s.contact_count <> n.count");
        return fixes;
    }

    @Override
    public boolean anyMembership() {
        return sql.exists("SELECT EXISTS (SELECT 1 FROM segments.partner_member) "
                + "OR EXISTS (SELECT 1 FROM segments.contact_member)");
    }

    @Override
    public void forEachMembershipId(SegmentLevel level, java.util.function.BiConsumer<UUID, UUID> segmentAndMember) {
        sql.withConnection(connection -> BinaryUuidRows.read(connection, table(level), "segment_id", column(level),
                segmentAndMember));
    }

    /**
     * Like a bulk load: the foreign key and the secondary index are dropped for the COPY and rebuilt
     * after it (one sort instead of millions of random index inserts and per-row key checks); the
     * primary key stays, and rows in key order only ever append to it. The table is locked until commit.
     */
    @Override
    public long copyMembers(SegmentLevel level, Consumer<java.util.function.BiConsumer<UUID, UUID>> rows) {
        String table = table(level);
        List<String> rebuild = new ArrayList<>();
        for (Object[] fk : sql.list("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                + "WHERE conrelid = ?::regclass AND contype = 'f'", rs -> new Object[]{rs.getString(1), rs.getString(2)},
                table)) {
            sql.update("ALTER TABLE " + table + " DROP CONSTRAINT " + fk[0]);
            rebuild.add("ALTER TABLE " + table + " ADD CONSTRAINT " + fk[0] + " " + fk[1]);
        }
        for (Object[] index : sql.list("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
                + "FROM pg_index i WHERE i.indrelid = ?::regclass AND NOT i.indisprimary AND NOT EXISTS "
                + "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
                rs -> new Object[]{rs.getString(1), rs.getString(2)}, table)) {
            sql.update("DROP INDEX " + index[0]);
            rebuild.add(0, (String) index[1]);
        }
        long started = System.nanoTime();
        long written = sql.withConnection(connection -> {
            try (BinaryUuidCopy copy = new BinaryUuidCopy(connection, table, "segment_id, " + column(level), 2)) {
                rows.accept((segment, member) -> unchecked(() -> copy.row(segment, member)));
                return copy.finish();
            }
        });
        long copied = System.nanoTime();
        sql.update("SET LOCAL maintenance_work_mem = '512MB'");
        rebuild.forEach(sql::update);
        LOG.info("Copied {} rows into {} in {} ms ({} rows/s), rebuilt {} index(es) and key(s) in {} ms", written, table,
                (copied - started) / 1_000_000, written * 1_000_000_000L / Math.max(1, copied - started), rebuild.size(),
                (System.nanoTime() - copied) / 1_000_000);
        return written;
    }

    @Override
    public void recordBatches(List<BatchSummary> batches, MembershipCause cause) {
        if (batches.isEmpty()) {
            return;
        }
        Jsonb detail = new Jsonb(json.write(cause.detail()));
        sql.update("INSERT INTO segments.membership_batch (segment_id, segment_version, cause, detail, actor_kind, "
                        + "actor_id, actor_display, joined_count, left_count, at) "
                        + "SELECT t.s, t.v::bigint, ?, ?, ?, ?, ?, t.j::integer, t.l::integer, now() "
                        + "FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) AS t(s, v, j, l)",
                cause.type(), detail, cause.actor().kind().name().toLowerCase(), cause.actor().id(),
                cause.actor().display(),
                batches.stream().map(BatchSummary::segmentId).toArray(String[]::new),
                batches.stream().map(b -> Long.toString(b.segmentVersion())).toArray(String[]::new),
                batches.stream().map(b -> Long.toString(b.joined())).toArray(String[]::new),
                batches.stream().map(b -> Long.toString(b.left())).toArray(String[]::new));
    }

    /** Runs JDBC work inside a lambda that cannot throw SQLException. */
    private static void unchecked(SqlWork work) {
        try {
            work.run();
        } catch (java.sql.SQLException e) {
            throw new io.micronaut.data.exceptions.DataAccessException("COPY failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws java.sql.SQLException;
    }

    private static String[] uuids(Collection<String> ids) {
        List<String> valid = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (id != null && JdbcSegmentStore.uuid(id) != null) {
                valid.add(id);
            }
        }
        return valid.toArray(String[]::new);
    }

    /**
     * A segment's change with its joined and left members each in key order: sorted once, written as
     * membership rows and again as history (rows or a batch's arrays).
     */
    private record Ordered(SegmentChange change, List<String> joined, List<String> left) {
        static Ordered of(SegmentChange c) {
            return new Ordered(c, inKeyOrder(c.diff().joined()), inKeyOrder(c.diff().left()));
        }

        /** Recorded as one batch entry (ADR 0012) rather than member rows. */
        boolean bulk() {
            return change.diff().size() > BATCH_THRESHOLD;
        }

        /** The member's partner: itself for a partner, the contact's partner for a contact. */
        String partnerOf(String member) {
            return change.level() == SegmentLevel.PARTNER ? member : change.partnerOf().get(member);
        }
    }

    /**
     * Member ids in the order of the indexes they are written into (PostgreSQL orders uuids as their
     * canonical lower-case text sorts): consecutive rows land on the same index pages, so a big change reads
     * each page once instead of hopping across a membership table of millions of rows.
     */
    private static List<String> inKeyOrder(Collection<String> memberIds) {
        return memberIds.size() < 2 ? List.copyOf(memberIds) : memberIds.stream().sorted().toList();
    }
}
