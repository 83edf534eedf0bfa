package io.partnerportal.segments.application;

import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.index.BitRows;
import io.partnerportal.segments.domain.index.DenseIds;
import io.partnerportal.segments.domain.segment.Segment;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every membership in memory, so access decisions need no database round trip: contacts and
 * partners interned to dense ordinals, one bit row per record (a column per segment), the
 * contact → partner link, and member counts. A contact is admitted by an audience when its row or
 * its partner's row intersects the audience's mask.
 * <p>
 * Readers never lock. One writer at a time applies committed changes, in commit order (see
 * {@link IndexFollower}). Memory per contact ≈ 8 bytes × ⌈segments / 64⌉ (bits) + 4 (partner
 * link) + ≈ 90 (id map entry): ≈ 222 bytes at 1,000 segments.
 */
@Singleton
public class AccessIndex {

    private static final Logger LOG = LoggerFactory.getLogger(AccessIndex.class);

    private final MembershipStore memberships;
    private final ReentrantLock writer = new ReentrantLock();
    private final DenseIds segments = new DenseIds();
    private final DenseIds partners = new DenseIds();
    private final DenseIds contacts = new DenseIds();
    private final Map<List<String>, long[]> masks = new ConcurrentHashMap<>();
    private volatile State state = new State(new BitRows(0, 64), new BitRows(0, 64), new int[0], new int[0],
            new byte[0], new long[0], new long[0]);
    private volatile boolean ready;

    AccessIndex(MembershipStore memberships) {
        this.memberships = memberships;
    }

    /** The arrays readers use, replaced as a whole when they grow. */
    private record State(BitRows partnerBits, BitRows contactBits, int[] contactPartner, int[] partnerContacts,
                         byte[] segmentLevel, long[] memberCount, long[] contactCount) {
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
            masks.clear();
            for (Segment s : definitions) {
                segments.add(UUID.fromString(s.id()));
            }
            grow(0, 0);
            State st = state;
            for (Segment s : definitions) {
                st.segmentLevel[segments.ordOf(s.id())] = (byte) (s.level() == SegmentLevel.PARTNER ? 1 : 2);
            }
            memberships.forEachPartnerId(p -> ensurePartner(p));
            memberships.forEachPlacement(this::placeContact);
            memberships.forEachMembership(SegmentLevel.PARTNER, (s, p) -> setMember(s, SegmentLevel.PARTNER, p, true));
            memberships.forEachMembership(SegmentLevel.CONTACT, (s, c) -> setMember(s, SegmentLevel.CONTACT, c, true));
            ready = true;
            LOG.info("Access index loaded: {} segments, {} partners, {} contacts, {} MiB of bits in {} ms",
                    segments.size(), partners.size(), contacts.size(),
                    (state.partnerBits().bytes() + state.contactBits().bytes()) >> 20,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            writer.unlock();
        }
    }

    /** Applies one committed transaction's changes. */
    void apply(IndexChanges changes) {
        writer.lock();
        try {
            for (Map.Entry<String, Boolean> p : changes.partners.entrySet()) {
                if (p.getValue()) {
                    ensurePartner(p.getKey());
                } else {
                    removePartner(p.getKey());
                }
            }
            for (Map.Entry<String, String> c : changes.contacts.entrySet()) {
                if (c.getValue() == null) {
                    removeContact(c.getKey());
                } else {
                    placeContact(c.getKey(), c.getValue());
                }
            }
            for (String segmentId : changes.removedSegments) {
                dropSegment(segmentId);
            }
            for (Map.Entry<String, String> s : changes.reloadSegments.entrySet()) {
                reloadSegment(s.getKey(), SegmentLevel.fromJson(s.getValue()),
                        changes.reloadedMembers.getOrDefault(s.getKey(), Set.of()));
            }
            for (String[] m : changes.members) {
                int ord = segments.ordOf(m[0]);
                if (ord >= 0 && !changes.reloadSegments.containsKey(m[0])) {
                    setMember(m[0], level(ord), m[1], "1".equals(m[2]));
                }
            }
        } finally {
            writer.unlock();
        }
    }

    // ---------------------------------------------------------------- queries (lock-free)

    public boolean isAdmitted(String contactId, List<String> segmentIds) {
        State st = state;
        int contact = contacts.ordOf(contactId);
        if (contact < 0) {
            return false;
        }
        int partner = contact < st.contactPartner().length ? st.contactPartner()[contact] : -1;
        long[] mask = masks.computeIfAbsent(List.copyOf(segmentIds), this::mask);
        return st.contactBits().intersects(contact, st.partnerBits(), partner, mask);
    }

    public Set<String> segmentsOfContact(String contactId) {
        State st = state;
        Set<String> out = new LinkedHashSet<>();
        int contact = contacts.ordOf(contactId);
        if (contact < 0) {
            return out;
        }
        for (int ord : st.contactBits().columnsOf(contact)) {
            addId(out, ord);
        }
        int partner = contact < st.contactPartner().length ? st.contactPartner()[contact] : -1;
        for (int ord : st.partnerBits().columnsOf(partner)) {
            addId(out, ord);
        }
        return out;
    }

    public Set<String> segmentsOfPartner(String partnerId) {
        Set<String> out = new LinkedHashSet<>();
        for (int ord : state.partnerBits().columnsOf(partners.ordOf(partnerId))) {
            addId(out, ord);
        }
        return out;
    }

    public Set<String> contactLevelSegmentsOf(String contactId) {
        Set<String> out = new LinkedHashSet<>();
        for (int ord : state.contactBits().columnsOf(contacts.ordOf(contactId))) {
            addId(out, ord);
        }
        return out;
    }

    public boolean isMember(String segmentId, String memberId) {
        int ord = segments.ordOf(segmentId);
        if (ord < 0) {
            return false;
        }
        State st = state;
        return level(ord) == SegmentLevel.PARTNER ? st.partnerBits().get(partners.ordOf(memberId), ord)
                : st.contactBits().get(contacts.ordOf(memberId), ord);
    }

    public String partnerOf(String contactId) {
        State st = state;
        int contact = contacts.ordOf(contactId);
        if (contact < 0 || contact >= st.contactPartner().length || st.contactPartner()[contact] < 0) {
            return null;
        }
        UUID id = partners.idOf(st.contactPartner()[contact]);
        return id == null ? null : id.toString();
    }

    public long memberCount(String segmentId) {
        int ord = segments.ordOf(segmentId);
        State st = state;
        return ord < 0 || ord >= st.memberCount().length ? 0 : st.memberCount()[ord];
    }

    public long contactCount(String segmentId) {
        int ord = segments.ordOf(segmentId);
        State st = state;
        if (ord < 0 || ord >= st.memberCount().length) {
            return 0;
        }
        return level(ord) == SegmentLevel.CONTACT ? st.memberCount()[ord] : st.contactCount()[ord];
    }

    public int contactCount() {
        return contacts.size();
    }

    /** Every member of a segment as the index has it (a full column scan: for verification, not hot paths). */
    public Set<String> membersOf(String segmentId) {
        Set<String> out = new LinkedHashSet<>();
        int ord = segments.ordOf(segmentId);
        if (ord < 0) {
            return out;
        }
        State st = state;
        boolean partnerLevel = level(ord) == SegmentLevel.PARTNER;
        BitRows bits = partnerLevel ? st.partnerBits() : st.contactBits();
        DenseIds ids = partnerLevel ? partners : contacts;
        for (int row = 0; row < bits.rows(); row++) {
            if (bits.get(row, ord)) {
                UUID id = ids.idOf(row);
                if (id != null) {
                    out.add(id.toString());
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- writing (writer lock held)

    private long[] mask(List<String> segmentIds) {
        long[] mask = new long[Math.max(state.partnerBits().words(), state.contactBits().words())];
        for (String id : segmentIds) {
            int ord = segments.ordOf(id);
            if (ord >= 0 && (ord >>> 6) < mask.length) {
                mask[ord >>> 6] |= 1L << ord;
            }
        }
        return mask;
    }

    private void addId(Set<String> out, int ord) {
        UUID id = segments.idOf(ord);
        if (id != null) {
            out.add(id.toString());
        }
    }

    private SegmentLevel level(int ord) {
        byte[] levels = state.segmentLevel();
        return ord < levels.length && levels[ord] == 1 ? SegmentLevel.PARTNER : SegmentLevel.CONTACT;
    }

    /** Makes every array fit the current ordinals (plus the given extra rows). */
    private void grow(int partnerRow, int contactRow) {
        State st = state;
        int segmentCap = segments.capacity();
        int partnerCap = Math.max(partners.capacity(), partnerRow + 1);
        int contactCap = Math.max(contacts.capacity(), contactRow + 1);
        BitRows pb = st.partnerBits().ensure(partnerCap, segmentCap);
        BitRows cb = st.contactBits().ensure(contactCap, segmentCap);
        int[] cp = st.contactPartner();
        if (cp.length < contactCap) {
            int old = cp.length;
            cp = java.util.Arrays.copyOf(cp, Math.max(contactCap, old + (old >> 1) + 16));
            java.util.Arrays.fill(cp, old, cp.length, -1);
        }
        int[] pc = st.partnerContacts().length < partnerCap
                ? java.util.Arrays.copyOf(st.partnerContacts(), Math.max(partnerCap, st.partnerContacts().length * 3 / 2 + 16))
                : st.partnerContacts();
        byte[] levels = st.segmentLevel().length < segmentCap
                ? java.util.Arrays.copyOf(st.segmentLevel(), segmentCap + 16) : st.segmentLevel();
        long[] counts = st.memberCount().length < segmentCap
                ? java.util.Arrays.copyOf(st.memberCount(), segmentCap + 16) : st.memberCount();
        long[] contactCounts = st.contactCount().length < segmentCap
                ? java.util.Arrays.copyOf(st.contactCount(), segmentCap + 16) : st.contactCount();
        if (pb != st.partnerBits() || cb != st.contactBits() || cp != st.contactPartner() || pc != st.partnerContacts()
                || levels != st.segmentLevel() || counts != st.memberCount() || contactCounts != st.contactCount()) {
            state = new State(pb, cb, cp, pc, levels, counts, contactCounts);
        }
    }

    private int ensurePartner(String partnerId) {
        UUID id = DenseIds.parse(partnerId);
        if (id == null) {
            return -1;
        }
        int ord = partners.add(id);
        grow(ord, 0);
        return ord;
    }

    private void removePartner(String partnerId) {
        int ord = partners.ordOf(partnerId);
        if (ord < 0) {
            return;
        }
        State st = state;
        for (int s : st.partnerBits().columnsOf(ord)) {
            st.memberCount()[s]--;
            st.contactCount()[s] -= st.partnerContacts()[ord];
        }
        st.partnerBits().clearRow(ord);
        st.partnerContacts()[ord] = 0;
        partners.remove(partners.idOf(ord));
    }

    private void placeContact(String contactId, String partnerId) {
        UUID id = DenseIds.parse(contactId);
        if (id == null) {
            return;
        }
        int contact = contacts.add(id);
        int partner = ensurePartner(partnerId);
        grow(partner, contact);
        State st = state;
        int before = st.contactPartner()[contact];
        if (before == partner) {
            return;
        }
        if (before >= 0) {
            moveContactCount(before, -1);
        }
        st.contactPartner()[contact] = partner;
        moveContactCount(partner, +1);
    }

    private void moveContactCount(int partner, int delta) {
        State st = state;
        st.partnerContacts()[partner] += delta;
        for (int s : st.partnerBits().columnsOf(partner)) {
            st.contactCount()[s] += delta;
        }
    }

    private void removeContact(String contactId) {
        int contact = contacts.ordOf(contactId);
        if (contact < 0) {
            return;
        }
        State st = state;
        for (int s : st.contactBits().columnsOf(contact)) {
            st.memberCount()[s]--;
        }
        st.contactBits().clearRow(contact);
        if (st.contactPartner()[contact] >= 0) {
            moveContactCount(st.contactPartner()[contact], -1);
        }
        st.contactPartner()[contact] = -1;
        contacts.remove(contacts.idOf(contact));
    }

    private void setMember(String segmentId, SegmentLevel level, String memberId, boolean member) {
        UUID segment = DenseIds.parse(segmentId);
        if (segment == null) {
            return;
        }
        int ord = segments.add(segment);
        int row;
        if (level == SegmentLevel.PARTNER) {
            row = member ? ensurePartner(memberId) : partners.ordOf(memberId);
        } else {
            UUID contact = DenseIds.parse(memberId);
            row = contact == null ? -1 : member ? contacts.add(contact) : contacts.ordOf(contact);
        }
        if (row < 0) {
            return;
        }
        grow(level == SegmentLevel.PARTNER ? row : 0, level == SegmentLevel.CONTACT ? row : 0);
        State st = state;
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

    private void dropSegment(String segmentId) {
        int ord = segments.ordOf(segmentId);
        if (ord < 0) {
            return;
        }
        State st = state;
        st.partnerBits().clearColumn(ord);
        st.contactBits().clearColumn(ord);
        st.memberCount()[ord] = 0;
        st.contactCount()[ord] = 0;
        st.segmentLevel()[ord] = 0;
        segments.remove(segments.idOf(ord));
        masks.clear();
    }

    private void reloadSegment(String segmentId, SegmentLevel level, Set<String> members) {
        UUID id = DenseIds.parse(segmentId);
        if (id == null) {
            return;
        }
        int ord = segments.add(id);
        grow(0, 0);
        State st = state;
        st.partnerBits().clearColumn(ord);
        st.contactBits().clearColumn(ord);
        st.memberCount()[ord] = 0;
        st.contactCount()[ord] = 0;
        st.segmentLevel()[ord] = (byte) (level == SegmentLevel.PARTNER ? 1 : 2);
        masks.clear();
        for (String m : members) {
            setMember(segmentId, level, m, true);
        }
    }
}
