package io.partnerportal.segments.application;

import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.index.BitRows;
import io.partnerportal.segments.domain.index.DenseIds;
import io.partnerportal.segments.domain.segment.Segment;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Every membership in memory, so access decisions need no database round trip: contacts and
 * partners interned to dense ordinals, one bit row per record (a column per segment), the
 * contact → partner link, and member counts. A contact is admitted by an audience when its row or
 * its partner's row intersects the audience's mask.
 * <p>
 * Readers never lock. One writer at a time applies committed changes, in commit order (see
 * {@link IndexFollower}). A (re)load builds a new generation aside and swaps it in whole, so a
 * reader never sees a half-loaded index. Memory per contact ≈ 8 bytes × ⌈segments / 64⌉ (bits)
 * + 4 (partner link) + ≈ 70 (id → ordinal table and ids by ordinal, see {@link DenseIds}): ≈ 200 bytes
 * at 1,000 segments (see {@link #memory()}).
 */
@Singleton
public class AccessIndex {

    private static final Logger LOG = LoggerFactory.getLogger(AccessIndex.class);

    private final MembershipStore memberships;
    private final ReentrantLock writer = new ReentrantLock();
    private volatile Generation gen = new Generation();
    private volatile boolean ready;

    AccessIndex(MembershipStore memberships) {
        this.memberships = memberships;
    }

    /** The arrays readers use, replaced as a whole when they grow. */
    private record State(BitRows partnerBits, BitRows contactBits, int[] contactPartner, int[] partnerContacts,
                         byte[] segmentLevel, long[] memberCount, long[] contactCount) {
        static State empty() {
            return new State(new BitRows(0, 64), new BitRows(0, 64), new int[0], new int[0], new byte[0], new long[0],
                    new long[0]);
        }
    }

    /**
     * A list of contact-level segment ids a caller evaluates itself: their ordinals in this
     * generation (-1 when unknown) and the mask of them, valid while the generation holds
     * {@code segments} segments.
     */
    private record EvaluatedOrdinals(List<String> ids, int segments, int[] ordinals, long[] mask, int words) {
        static EvaluatedOrdinals of(Generation g, List<String> ids, int segments) {
            int[] ordinals = new int[ids.size()];
            int highest = -1;
            State st = g.state;
            long[] mask = new long[Math.max(st.partnerBits().words(), st.contactBits().words())];
            for (int i = 0; i < ordinals.length; i++) {
                int ord = g.segments.ordOf(ids.get(i));
                ordinals[i] = ord;
                highest = Math.max(highest, ord);
                if (ord >= 0 && (ord >>> 6) < mask.length) { // as mask(g, ids), without looking the ids up again
                    mask[ord >>> 6] |= 1L << ord;
                }
            }
            return new EvaluatedOrdinals(ids, segments, ordinals, mask, highest < 0 ? 0 : (highest >>> 6) + 1);
        }
    }

    /** A segment's ordinal as learned in one {@link Generation#segmentEpoch}. */
    private record Column(int ord, int epoch) {
    }

    /** One loaded index: ids, bits and the audience masks computed against them. */
    private static final class Generation {
        final DenseIds segments = new DenseIds();
        final DenseIds partners = new DenseIds();
        final DenseIds contacts = new DenseIds();
        final Map<List<String>, long[]> masks = new ConcurrentHashMap<>();
        /** The ordinals of the last list passed to {@link #segmentsOf}, dropped with {@link #masks}. */
        volatile EvaluatedOrdinals evaluated;
        /** Segment ids as text by ordinal (answers name segments without formatting UUIDs each time). */
        volatile String[] segmentText = new String[0];
        /**
         * Segment ordinals by id text, so a reader asking about a segment by its id (in_segment tests,
         * a few per contact evaluation) does not parse the id each time; an entry counts only while
         * {@link #segmentEpoch} is the one it was made in.
         */
        final Map<String, Column> columns = new ConcurrentHashMap<>();
        /** Bumped whenever an ordinal is given to or taken from a segment (writer lock held). */
        volatile int segmentEpoch;
        volatile State state = State.empty();
    }

    /**
     * Approximate heap held by the index, for the documented budget.
     *
     * @param bitBytes   membership bits (partners and contacts)
     * @param arrayBytes links and counts
     * @param idBytes    id → ordinal tables and ids by ordinal ({@link DenseIds#bytes()})
     */
    public record Memory(int segments, int partners, int contacts, long bitBytes, long arrayBytes, long idBytes) {
        public long total() {
            return bitBytes + arrayBytes + idBytes;
        }

        public double bytesPerContact() {
            return contacts == 0 ? 0 : (double) total() / contacts;
        }
    }

    public boolean ready() {
        return ready;
    }

    /** Rebuilds everything from the database (at start, and after losing track of changes). */
    void load(Collection<Segment> definitions) {
        writer.lock();
        try {
            long started = System.nanoTime();
            ready = false;
            Generation g = new Generation();
            defineSegments(g, definitions);
            memberships.forEachPartnerId(p -> ensurePartner(g, p));
            memberships.forEachPlacement((c, p) -> placeContact(g, c, p));
            for (SegmentLevel level : SegmentLevel.values()) {
                // millions of rows: ids as UUIDs, segment ordinals remembered, arrays grown only when needed.
                // Partners and contacts were added in id order, and a segment's rows come in id order as the
                // initial computation wrote them: each member is searched forward from the segment's last one
                // (rows added later by real-time changes, in gaps or at the end, are looked up in the table).
                Map<UUID, Integer> segmentOrds = new java.util.HashMap<>();
                DenseIds ids = level == SegmentLevel.PARTNER ? g.partners : g.contacts;
                DenseIds.Ascending members = ids.ascending();
                Map<Integer, Integer> positions = new java.util.HashMap<>();
                UUID[] lastSegment = {null};
                int[] lastOrd = {-1};
                memberships.forEachMembershipId(level, (segment, member) -> {
                    if (!segment.equals(lastSegment[0])) {
                        if (lastOrd[0] >= 0) {
                            positions.put(lastOrd[0], members.position());
                        }
                        lastSegment[0] = segment;
                        lastOrd[0] = segmentOrds.computeIfAbsent(segment, s -> {
                            int o = g.segments.add(s);
                            grow(g, 0, 0);
                            g.state.segmentLevel()[o] = (byte) (level == SegmentLevel.PARTNER ? 1 : 2);
                            return o;
                        });
                        members.resume(positions.getOrDefault(lastOrd[0], 0));
                    }
                    int ord = lastOrd[0];
                    int row = members.ordOf(member);
                    if (row < 0) {
                        row = ids.add(member);
                    }
                    State st = g.state;
                    BitRows bits = level == SegmentLevel.PARTNER ? st.partnerBits() : st.contactBits();
                    if (row >= bits.rows()) {
                        grow(g, level == SegmentLevel.PARTNER ? row : 0, level == SegmentLevel.CONTACT ? row : 0);
                        st = g.state;
                        bits = level == SegmentLevel.PARTNER ? st.partnerBits() : st.contactBits();
                    }
                    if (bits.set(row, ord, true)) {
                        st.memberCount()[ord]++;
                        if (level == SegmentLevel.PARTNER) {
                            st.contactCount()[ord] += st.partnerContacts()[row];
                        }
                    }
                });
                long outOfOrder = members.lookedUp();
                if (outOfOrder > members.inOrder() / 10) {
                    // still right, only slower: many rows were added by real-time changes since the last
                    // computation from scratch, which writes them in order again
                    LOG.info("Access index load: {} of {} {} membership rows were out of id order", outOfOrder,
                            outOfOrder + members.inOrder(), level.name().toLowerCase());
                }
            }
            gen = g;
            ready = true;
            logLoaded("loaded", started);
        } finally {
            writer.unlock();
        }
    }

    /**
     * Builds the index from a bulk computation instead of the database: the records of {@code view}
     * and, per segment, its members as bits over the view's ordinals (what was just persisted).
     */
    void install(Collection<Segment> definitions, ValueStore.View view, Map<String, long[]> members) {
        writer.lock();
        try {
            long started = System.nanoTime();
            Generation g = new Generation();
            defineSegments(g, definitions);
            int[] partnerRow = new int[view.partnerBound()];
            Arrays.fill(partnerRow, -1);
            for (int p = 0; p < view.partnerBound(); p++) {
                if (view.hasPartner(p)) {
                    partnerRow[p] = g.partners.add(view.partnerId(p));
                }
            }
            int[] contactRow = new int[view.contactBound()];
            Arrays.fill(contactRow, -1);
            for (int c = 0; c < view.contactBound(); c++) {
                if (view.hasContact(c)) {
                    contactRow[c] = g.contacts.add(view.contactId(c));
                }
            }
            grow(g, 0, 0);
            State st = g.state;
            for (int c = 0; c < contactRow.length; c++) {
                if (contactRow[c] >= 0) {
                    int partner = partnerRow[view.partnerOf(c)];
                    st.contactPartner()[contactRow[c]] = partner;
                    st.partnerContacts()[partner]++;
                }
            }
            for (Segment s : definitions) {
                long[] bits = members.get(s.id());
                if (bits == null) {
                    continue;
                }
                int ord = g.segments.ordOf(s.id());
                boolean partnerLevel = s.level() == SegmentLevel.PARTNER;
                int[] rows = partnerLevel ? partnerRow : contactRow;
                BitRows matrix = partnerLevel ? st.partnerBits() : st.contactBits();
                long count = 0;
                long contacts = 0;
                for (int w = 0; w < bits.length; w++) {
                    long word = bits[w];
                    while (word != 0) {
                        int i = (w << 6) + Long.numberOfTrailingZeros(word);
                        word &= word - 1;
                        if (i < rows.length && rows[i] >= 0) {
                            matrix.set(rows[i], ord, true);
                            count++;
                            if (partnerLevel) {
                                contacts += st.partnerContacts()[rows[i]];
                            }
                        }
                    }
                }
                st.memberCount()[ord] = count;
                st.contactCount()[ord] = partnerLevel ? contacts : count;
            }
            gen = g;
            ready = true;
            logLoaded("installed from a bulk computation", started);
        } finally {
            writer.unlock();
        }
    }

    private void logLoaded(String how, long started) {
        Memory m = memory();
        LOG.info("Access index {}: {} segments, {} partners, {} contacts, {} MiB ({} bytes per contact) in {} ms", how,
                m.segments(), m.partners(), m.contacts(), m.total() >> 20, Math.round(m.bytesPerContact()),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void defineSegments(Generation g, Collection<Segment> definitions) {
        for (Segment s : definitions) {
            g.segments.add(UUID.fromString(s.id()));
        }
        grow(g, 0, 0);
        State st = g.state;
        for (Segment s : definitions) {
            st.segmentLevel()[g.segments.ordOf(s.id())] = (byte) (s.level() == SegmentLevel.PARTNER ? 1 : 2);
        }
    }

    /** Applies one committed transaction's changes. */
    void apply(IndexChanges changes) {
        writer.lock();
        try {
            Generation g = gen;
            for (Map.Entry<String, Boolean> p : changes.partners.entrySet()) {
                if (p.getValue()) {
                    ensurePartner(g, p.getKey());
                } else {
                    removePartner(g, p.getKey());
                }
            }
            for (Map.Entry<String, String> c : changes.contacts.entrySet()) {
                if (c.getValue() == null) {
                    removeContact(g, c.getKey());
                } else {
                    placeContact(g, c.getKey(), c.getValue());
                }
            }
            for (String segmentId : changes.removedSegments) {
                dropSegment(g, segmentId);
            }
            for (Map.Entry<String, String> s : changes.reloadSegments.entrySet()) {
                reloadSegment(g, s.getKey(), SegmentLevel.fromJson(s.getValue()),
                        changes.reloadedMembers.getOrDefault(s.getKey(), Set.of()));
            }
            for (String[] m : changes.members) {
                int ord = g.segments.ordOf(m[0]);
                if (ord >= 0 && !changes.reloadSegments.containsKey(m[0])) {
                    setMember(g, m[0], level(g, ord), m[1], "1".equals(m[2]));
                }
            }
        } finally {
            writer.unlock();
        }
    }

    // ---------------------------------------------------------------- queries (lock-free)

    public boolean isAdmitted(String contactId, List<String> segmentIds) {
        Generation g = gen;
        State st = g.state;
        int contact = g.contacts.ordOf(contactId);
        if (contact < 0) {
            return false;
        }
        int partner = contact < st.contactPartner().length ? st.contactPartner()[contact] : -1;
        long[] mask = g.masks.computeIfAbsent(List.copyOf(segmentIds), ids -> mask(g, ids));
        return st.contactBits().intersects(contact, st.partnerBits(), partner, mask);
    }

    public Set<String> segmentsOfContact(String contactId) {
        Generation g = gen;
        State st = g.state;
        Set<String> out = new LinkedHashSet<>();
        int contact = g.contacts.ordOf(contactId);
        if (contact < 0) {
            return out;
        }
        for (int ord : st.contactBits().columnsOf(contact)) {
            addId(g, out, ord);
        }
        int partner = contact < st.contactPartner().length ? st.contactPartner()[contact] : -1;
        for (int ord : st.partnerBits().columnsOf(partner)) {
            addId(g, out, ord);
        }
        return out;
    }

    public Set<String> segmentsOfPartner(String partnerId) {
        Generation g = gen;
        Set<String> out = new LinkedHashSet<>();
        for (int ord : g.state.partnerBits().columnsOf(g.partners.ordOf(partnerId))) {
            addId(g, out, ord);
        }
        return out;
    }

    public Set<String> contactLevelSegmentsOf(String contactId) {
        Generation g = gen;
        Set<String> out = new LinkedHashSet<>();
        for (int ord : g.state.contactBits().columnsOf(g.contacts.ordOf(contactId))) {
            addId(g, out, ord);
        }
        return out;
    }

    public boolean isMember(String segmentId, String memberId) {
        return isMember(segmentId, DenseIds.parse(memberId));
    }

    /** {@link #isMember(String, String)} for a member given as a UUID (no parsing on hot paths). */
    public boolean isMember(String segmentId, UUID memberId) {
        Generation g = gen;
        return memberIn(g, segmentOrd(g, segmentId), memberId);
    }

    /** {@link #isMember(String, UUID)} with the segment id parsed already. */
    public boolean isMember(UUID segmentId, UUID memberId) {
        Generation g = gen;
        return memberIn(g, g.segments.ordOf(segmentId), memberId);
    }

    /** Whether the member is in the segment of ordinal {@code ord}: partners of partner-level ones, contacts of the others. */
    private static boolean memberIn(Generation g, int ord, UUID memberId) {
        if (ord < 0 || memberId == null) {
            return false;
        }
        SegmentLevel level = level(g, ord);
        return memberRow(g, ord, level, (level == SegmentLevel.PARTNER ? g.partners : g.contacts).ordOf(memberId));
    }

    /** Whether row {@code row} of the given level's bits is in segment {@code ord} (false for the other level). */
    private static boolean memberRow(Generation g, int ord, SegmentLevel rowLevel, int row) {
        if (ord < 0 || row < 0 || level(g, ord) != rowLevel) {
            return false;
        }
        State st = g.state;
        return (rowLevel == SegmentLevel.PARTNER ? st.partnerBits() : st.contactBits()).get(row, ord);
    }

    /**
     * Membership tests against the generation of the index in use now, with a contact's row and a
     * segment's column looked up once and then reused (maintenance of thousands of contacts against
     * dozens of segments). Answers as {@link #isMember(UUID, UUID)} for contact-level segments.
     */
    Snapshot snapshot() {
        return new Snapshot(gen);
    }

    final class Snapshot {
        private final Generation g;
        /** The generation's segment epoch when this snapshot was taken (read before any column is looked up). */
        private final int segmentEpoch;

        private Snapshot(Generation g) {
            this.g = g;
            this.segmentEpoch = g.segmentEpoch;
        }

        /** Whether the index still uses this generation (rows and columns looked up in it stay valid). */
        boolean current() {
            return gen == g;
        }

        int contactRow(UUID contactId) {
            return g.contacts.ordOf(contactId);
        }

        /** The segment's column if it is a contact-level segment of the index, else -1 (no contact is in it). */
        int contactSegmentColumn(UUID segmentId) {
            int ord = g.segments.ordOf(segmentId);
            return ord >= 0 && level(g, ord) == SegmentLevel.CONTACT ? ord : -1;
        }

        boolean isContactMember(int row, int column) {
            return column >= 0 && g.state.contactBits().get(row, column);
        }

        int partnerRow(UUID partnerId) {
            return g.partners.ordOf(partnerId);
        }

        /**
         * Whether the record of this row is in the segment: partner rows answer partner-level
         * segments, contact rows contact-level ones (the other kind of row: false). As
         * {@link #isMember(String, UUID)} with the record's row looked up once by the caller.
         */
        boolean isMember(String segmentId, SegmentLevel rowLevel, int row) {
            return memberRow(g, segmentOrd(g, segmentId), rowLevel, row);
        }

        /** The segment's column (its ordinal in this generation), or -1; valid while {@link #sameColumns} holds. */
        int column(String segmentId) {
            return segmentOrd(g, segmentId);
        }

        /** {@link #isMember(String, SegmentLevel, int)} for a segment's {@link #column}. */
        boolean isMember(int column, SegmentLevel rowLevel, int row) {
            return memberRow(g, column, rowLevel, row);
        }

        /** Whether columns looked up in {@code earlier} still name the same segments here. */
        boolean sameColumns(Snapshot earlier) {
            return earlier != null && earlier.g == g && earlier.segmentEpoch == segmentEpoch;
        }

        /**
         * The contact's segments with the contact-level ones in {@code evaluated} decided by the caller
         * ({@code answers[i]} for {@code evaluated.get(i)}) and every other one as the index has it (a
         * segment's level never changes, so the evaluated ones are never among the partner-level ones).
         * The list is turned into ordinals once and remembered by identity: pass the same list instance
         * each time. {@code contact} is the contact's row ({@link #contactRow}; -1: not in the index).
         */
        Set<String> segmentsOf(int contact, List<String> evaluated, boolean[] answers) {
            State st = g.state;
            EvaluatedOrdinals known = g.evaluated;
            int segments = g.segments.size();
            if (known == null || known.ids() != evaluated || known.segments() != segments) {
                known = EvaluatedOrdinals.of(g, evaluated, segments);
                g.evaluated = known;
            }
            BitRows contacts = st.contactBits();
            BitRows partners = st.partnerBits();
            long[] bits = new long[Math.max(known.words(), Math.max(contacts.words(), partners.words()))];
            if (contact >= 0) {
                long[] mask = known.mask();
                for (int w = 0; w < contacts.words(); w++) {
                    bits[w] = contacts.word(contact, w) & ~(w < mask.length ? mask[w] : 0);
                }
                int partner = contact < st.contactPartner().length ? st.contactPartner()[contact] : -1;
                for (int w = 0; w < partners.words(); w++) {
                    bits[w] |= partners.word(partner, w);
                }
            }
            List<String> beyond = List.of();
            int[] ordinals = known.ordinals();
            for (int i = 0; i < answers.length; i++) {
                if (answers[i]) {
                    int ord = ordinals[i];
                    if (ord >= 0) {
                        bits[ord >>> 6] |= 1L << ord;
                    } else {
                        if (beyond.isEmpty()) {
                            beyond = new ArrayList<>();
                        }
                        beyond.add(evaluated.get(i));
                    }
                }
            }
            // a segment dropped while this was read keeps no bit it cannot be named by
            for (int w = 0; w < bits.length; w++) {
                bits[w] &= g.segments.liveWord(w);
            }
            return new SegmentSet(bits, g.segments, ord -> idText(g, ord), beyond);
        }
    }

    public String partnerOf(String contactId) {
        Generation g = gen;
        State st = g.state;
        int contact = g.contacts.ordOf(contactId);
        if (contact < 0 || contact >= st.contactPartner().length || st.contactPartner()[contact] < 0) {
            return null;
        }
        UUID id = g.partners.idOf(st.contactPartner()[contact]);
        return id == null ? null : id.toString();
    }

    public long memberCount(String segmentId) {
        Generation g = gen;
        int ord = segmentOrd(g, segmentId);
        State st = g.state;
        return ord < 0 || ord >= st.memberCount().length ? 0 : st.memberCount()[ord];
    }

    public long contactCount(String segmentId) {
        Generation g = gen;
        int ord = segmentOrd(g, segmentId);
        State st = g.state;
        if (ord < 0 || ord >= st.memberCount().length) {
            return 0;
        }
        return level(g, ord) == SegmentLevel.CONTACT ? st.memberCount()[ord] : st.contactCount()[ord];
    }

    public int contactCount() {
        return gen.contacts.size();
    }

    /** Every member of a segment as the index has it (a full column scan: for verification, not hot paths). */
    public Set<String> membersOf(String segmentId) {
        Set<String> out = new LinkedHashSet<>();
        forEachMember(segmentId, id -> out.add(id.toString()));
        return out;
    }

    /** Calls the consumer with every member of a segment (a full column scan). */
    public void forEachMember(String segmentId, java.util.function.Consumer<UUID> consumer) {
        Generation g = gen;
        int ord = g.segments.ordOf(segmentId);
        if (ord < 0) {
            return;
        }
        State st = g.state;
        boolean partnerLevel = level(g, ord) == SegmentLevel.PARTNER;
        BitRows bits = partnerLevel ? st.partnerBits() : st.contactBits();
        DenseIds ids = partnerLevel ? g.partners : g.contacts;
        for (int row = 0; row < bits.rows(); row++) {
            if (bits.get(row, ord)) {
                UUID id = ids.idOf(row);
                if (id != null) {
                    consumer.accept(id);
                }
            }
        }
    }

    /**
     * Calls the consumer with (segment id, member) for every membership of the level that the index
     * holds, one record at a time (for comparing the whole index with the database in one pass).
     */
    public void forEachMembership(SegmentLevel level, BiConsumer<UUID, UUID> segmentAndMember) {
        Generation g = gen;
        State st = g.state;
        BitRows bits = level == SegmentLevel.PARTNER ? st.partnerBits() : st.contactBits();
        DenseIds ids = level == SegmentLevel.PARTNER ? g.partners : g.contacts;
        for (int row = 0; row < bits.rows(); row++) {
            UUID member = ids.idOf(row);
            if (member == null) {
                continue;
            }
            for (int ord : bits.columnsOf(row)) {
                UUID segment = g.segments.idOf(ord);
                if (segment != null) {
                    segmentAndMember.accept(segment, member);
                }
            }
        }
    }

    /** Heap held by the index now (see {@link Memory}). */
    public Memory memory() {
        Generation g = gen;
        State st = g.state;
        long arrays = 4L * (st.contactPartner().length + st.partnerContacts().length)
                + st.segmentLevel().length + 16L * st.memberCount().length;
        long ids = g.partners.bytes() + g.contacts.bytes() + g.segments.bytes();
        return new Memory(g.segments.size(), g.partners.size(), g.contacts.size(),
                st.partnerBits().bytes() + st.contactBits().bytes(), arrays, ids);
    }

    // ---------------------------------------------------------------- writing (writer lock held)

    private static long[] mask(Generation g, List<String> segmentIds) {
        State st = g.state;
        long[] mask = new long[Math.max(st.partnerBits().words(), st.contactBits().words())];
        for (String id : segmentIds) {
            int ord = g.segments.ordOf(id);
            if (ord >= 0 && (ord >>> 6) < mask.length) {
                mask[ord >>> 6] |= 1L << ord;
            }
        }
        return mask;
    }

    private static void addId(Generation g, Set<String> out, int ord) {
        addId(g, (Consumer<String>) out::add, ord);
    }

    private static void addId(Generation g, Consumer<String> out, int ord) {
        String text = idText(g, ord);
        if (text != null) {
            out.accept(text);
        }
    }

    /**
     * The ordinal of a segment given by its id text, or -1. Remembered per text while no ordinal is
     * given or taken; the epoch is read before the table, so an entry made across a change is never
     * used (a dropped segment's ordinal may go to the next new one). Unknown ids are not remembered.
     */
    private static int segmentOrd(Generation g, String segmentId) {
        int epoch = g.segmentEpoch;
        Column known = g.columns.get(segmentId);
        if (known != null && known.epoch() == epoch) {
            return known.ord();
        }
        int ord = g.segments.ordOf(segmentId);
        if (ord >= 0) {
            g.columns.put(segmentId, new Column(ord, epoch));
        }
        return ord;
    }

    /** After an ordinal was given to or taken from a segment: what was remembered by ordinal no longer holds. */
    private static void segmentsChanged(Generation g) {
        g.columns.clear();
        g.segmentEpoch++;
        g.masks.clear();
        g.evaluated = null;
    }

    /** The segment id of an ordinal as text, or null when no segment has it. */
    private static String idText(Generation g, int ord) {
        String[] texts = g.segmentText;
        String text = ord < texts.length ? texts[ord] : null;
        if (text == null) {
            UUID id = g.segments.idOf(ord);
            if (id == null) {
                return null;
            }
            text = id.toString();
            if (ord < texts.length) {
                texts[ord] = text; // a benign race: every writer stores the same text
            }
        }
        return text;
    }

    private static SegmentLevel level(Generation g, int ord) {
        byte[] levels = g.state.segmentLevel();
        return ord < levels.length && levels[ord] == 1 ? SegmentLevel.PARTNER : SegmentLevel.CONTACT;
    }

    /** Makes every array fit the current ordinals (plus the given extra rows). */
    private static void grow(Generation g, int partnerRow, int contactRow) {
        State st = g.state;
        int segmentCap = g.segments.capacity();
        int partnerCap = Math.max(g.partners.capacity(), partnerRow + 1);
        int contactCap = Math.max(g.contacts.capacity(), contactRow + 1);
        BitRows pb = st.partnerBits().ensure(partnerCap, segmentCap);
        BitRows cb = st.contactBits().ensure(contactCap, segmentCap);
        int[] cp = st.contactPartner();
        if (cp.length < contactCap) {
            int old = cp.length;
            cp = Arrays.copyOf(cp, Math.max(contactCap, old + (old >> 1) + 16));
            Arrays.fill(cp, old, cp.length, -1);
        }
        int[] pc = st.partnerContacts().length < partnerCap
                ? Arrays.copyOf(st.partnerContacts(), Math.max(partnerCap, st.partnerContacts().length * 3 / 2 + 16))
                : st.partnerContacts();
        if (g.segmentText.length < segmentCap) {
            g.segmentText = java.util.Arrays.copyOf(g.segmentText, segmentCap + 16);
        }
        byte[] levels = st.segmentLevel().length < segmentCap
                ? Arrays.copyOf(st.segmentLevel(), segmentCap + 16) : st.segmentLevel();
        long[] counts = st.memberCount().length < segmentCap
                ? Arrays.copyOf(st.memberCount(), segmentCap + 16) : st.memberCount();
        long[] contactCounts = st.contactCount().length < segmentCap
                ? Arrays.copyOf(st.contactCount(), segmentCap + 16) : st.contactCount();
        if (pb != st.partnerBits() || cb != st.contactBits() || cp != st.contactPartner() || pc != st.partnerContacts()
                || levels != st.segmentLevel() || counts != st.memberCount() || contactCounts != st.contactCount()) {
            g.state = new State(pb, cb, cp, pc, levels, counts, contactCounts);
            if (pb.words() != st.partnerBits().words() || cb.words() != st.contactBits().words()) {
                g.masks.clear(); // masks are as wide as the rows
                g.evaluated = null;
            }
        }
    }

    private static int ensurePartner(Generation g, String partnerId) {
        UUID id = DenseIds.parse(partnerId);
        if (id == null) {
            return -1;
        }
        int ord = g.partners.add(id);
        grow(g, ord, 0);
        return ord;
    }

    private static void removePartner(Generation g, String partnerId) {
        int ord = g.partners.ordOf(partnerId);
        if (ord < 0) {
            return;
        }
        State st = g.state;
        for (int s : st.partnerBits().columnsOf(ord)) {
            st.memberCount()[s]--;
            st.contactCount()[s] -= st.partnerContacts()[ord];
        }
        st.partnerBits().clearRow(ord);
        st.partnerContacts()[ord] = 0;
        g.partners.remove(g.partners.idOf(ord));
    }

    private static void placeContact(Generation g, String contactId, String partnerId) {
        UUID id = DenseIds.parse(contactId);
        if (id == null) {
            return;
        }
        int contact = g.contacts.add(id);
        int partner = ensurePartner(g, partnerId);
        grow(g, partner, contact);
        State st = g.state;
        int before = st.contactPartner()[contact];
        if (before == partner) {
            return;
        }
        if (before >= 0) {
            moveContactCount(g, before, -1);
        }
        st.contactPartner()[contact] = partner;
        moveContactCount(g, partner, +1);
    }

    private static void moveContactCount(Generation g, int partner, int delta) {
        State st = g.state;
        st.partnerContacts()[partner] += delta;
        for (int s : st.partnerBits().columnsOf(partner)) {
            st.contactCount()[s] += delta;
        }
    }

    private static void removeContact(Generation g, String contactId) {
        int contact = g.contacts.ordOf(contactId);
        if (contact < 0) {
            return;
        }
        State st = g.state;
        for (int s : st.contactBits().columnsOf(contact)) {
            st.memberCount()[s]--;
        }
        st.contactBits().clearRow(contact);
        if (st.contactPartner()[contact] >= 0) {
            moveContactCount(g, st.contactPartner()[contact], -1);
        }
        st.contactPartner()[contact] = -1;
        g.contacts.remove(g.contacts.idOf(contact));
    }

    private static void setMember(Generation g, String segmentId, SegmentLevel level, String memberId, boolean member) {
        UUID segment = DenseIds.parse(segmentId);
        if (segment == null) {
            return;
        }
        int ord = g.segments.ordOf(segment);
        if (ord < 0) {
            // callers define segments first (which drops the masks); should one arrive here unknown,
            // audiences masked while it was unknown must not keep missing it
            ord = g.segments.add(segment);
            segmentsChanged(g);
        }
        int row;
        if (level == SegmentLevel.PARTNER) {
            row = member ? ensurePartner(g, memberId) : g.partners.ordOf(memberId);
        } else {
            UUID contact = DenseIds.parse(memberId);
            row = contact == null ? -1 : member ? g.contacts.add(contact) : g.contacts.ordOf(contact);
        }
        if (row < 0) {
            return;
        }
        grow(g, level == SegmentLevel.PARTNER ? row : 0, level == SegmentLevel.CONTACT ? row : 0);
        State st = g.state;
        st.segmentLevel()[ord] = (byte) (level == SegmentLevel.PARTNER ? 1 : 2);
        BitRows bits = level == SegmentLevel.PARTNER ? st.partnerBits() : st.contactBits();
        if (bits.set(row, ord, member)) {
            int delta = member ? 1 : -1;
            st.memberCount()[ord] += delta;
            if (level == SegmentLevel.PARTNER) {
                st.contactCount()[ord] += (long) delta * st.partnerContacts()[row];
            }
        }
    }

    private static void dropSegment(Generation g, String segmentId) {
        int ord = g.segments.ordOf(segmentId);
        if (ord < 0) {
            return;
        }
        State st = g.state;
        st.partnerBits().clearColumn(ord);
        st.contactBits().clearColumn(ord);
        st.memberCount()[ord] = 0;
        st.contactCount()[ord] = 0;
        st.segmentLevel()[ord] = 0;
        g.segments.remove(g.segments.idOf(ord));
        g.segmentText = new String[g.segmentText.length]; // the ordinal will be reused
        segmentsChanged(g);
    }

    private static void reloadSegment(Generation g, String segmentId, SegmentLevel level, Set<String> members) {
        UUID id = DenseIds.parse(segmentId);
        if (id == null) {
            return;
        }
        int ord = g.segments.add(id);
        grow(g, 0, 0);
        State st = g.state;
        st.partnerBits().clearColumn(ord);
        st.contactBits().clearColumn(ord);
        st.memberCount()[ord] = 0;
        st.contactCount()[ord] = 0;
        st.segmentLevel()[ord] = (byte) (level == SegmentLevel.PARTNER ? 1 : 2);
        segmentsChanged(g);
        for (String m : members) {
            setMember(g, segmentId, level, m, true);
        }
    }
}
