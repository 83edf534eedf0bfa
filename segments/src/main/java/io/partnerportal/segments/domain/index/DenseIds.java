package io.partnerportal.segments.domain.index;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.UUID;

/**
 * Interns UUIDs to dense ints (0, 1, 2, ...) so per-record data lives in flat arrays. Lookups in
 * both directions are lock-free (an access check asks for one, bulk passes for millions); adding
 * and removing is done by one writer at a time. Freed ordinals are reused.
 * <p>
 * The id → ordinal map is an open-addressing table of primitive slots — most significant bits,
 * least significant bits, ordinal + 1 — so a look-up costs about one cache miss and no objects,
 * where a {@code HashMap<UUID, Integer>} costs four (table, node, key, boxed value) and ≈ 80 bytes
 * per id. Here: ≈ 24–48 bytes of table (load ≤ 0.5) + 16 bytes of ids by ordinal.
 * <p>
 * Why readers need no lock: a slot's ids are written before its ordinal, and the ordinal is
 * published with release semantics and read with acquire semantics, so a reader that sees an
 * ordinal sees the ids. A removed slot keeps its ids with a tombstone ordinal and is never reused
 * in place (a reader could otherwise mix two ids); tombstones go when the table is rebuilt, which
 * builds a new table aside and publishes it whole.
 */
public final class DenseIds {

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int WIDTH = 3; // longs per slot
    private static final long EMPTY = 0;
    private static final long REMOVED = -1;

    /** Slots of {@link #WIDTH} longs: msb, lsb, ordinal + 1 (or {@link #EMPTY}, {@link #REMOVED}). */
    private volatile long[] table = new long[16 * WIDTH];
    /** Ids by ordinal as msb, lsb pairs; replaced by a larger copy when full (readers keep the array they read). */
    private volatile long[] byOrd = new long[32];
    /** Which ordinals are in use, one bit each (a freed ordinal's id is null). */
    private volatile long[] live = new long[1];
    private volatile int capacity;
    private volatile int size;
    private int used; // slots not empty (live and tombstones)
    private int[] free = new int[16];
    private int freeCount;

    /** The ordinal of an id, or -1. */
    public int ordOf(UUID id) {
        return id == null ? -1 : ordOf(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    /** The ordinal of an id given as text, or -1 (also for text that is not a UUID). */
    public int ordOf(String id) {
        long[] bits = bitsOf(id);
        return bits == null ? -1 : ordOf(bits[0], bits[1]);
    }

    /** The ordinal of the id with these bits, or -1. */
    public int ordOf(long msb, long lsb) {
        long[] t = table;
        int mask = t.length / WIDTH - 1;
        for (int slot = hash(msb, lsb) & mask; ; slot = (slot + 1) & mask) {
            int at = slot * WIDTH;
            long ord = (long) SLOT.getAcquire(t, at + 2);
            if (ord == EMPTY) {
                return -1;
            }
            if (ord != REMOVED && t[at] == msb && t[at + 1] == lsb) {
                return (int) (ord - 1);
            }
        }
    }

    /** The id's ordinal, assigning the next free one when new. */
    public synchronized int add(UUID id) {
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        int existing = ordOf(msb, lsb);
        if (existing >= 0) {
            return existing;
        }
        int ord = freeCount > 0 ? free[--freeCount] : capacity;
        if (ord >= capacity) {
            growIds(ord + 1);
        }
        long[] ids = byOrd;
        ids[2 * ord] = msb;
        ids[2 * ord + 1] = lsb;
        long[] bits = live;
        bits[ord >>> 6] |= 1L << ord;
        live = bits; // publishes the id with the bit
        if ((used + 1) * 2L > table.length / WIDTH) {
            rebuild();
        }
        insert(table, msb, lsb, ord);
        used++;
        size++;
        if (ord >= capacity) {
            capacity = ord + 1;
        }
        return ord;
    }

    /** Forgets an id; its ordinal is reused later. */
    public synchronized int remove(UUID id) {
        if (id == null) {
            return -1;
        }
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        long[] t = table;
        int mask = t.length / WIDTH - 1;
        for (int slot = hash(msb, lsb) & mask; ; slot = (slot + 1) & mask) {
            int at = slot * WIDTH;
            long ord = t[at + 2];
            if (ord == EMPTY) {
                return -1;
            }
            if (ord != REMOVED && t[at] == msb && t[at + 1] == lsb) {
                int freed = (int) (ord - 1);
                SLOT.setRelease(t, at + 2, REMOVED);
                long[] bits = live;
                bits[freed >>> 6] &= ~(1L << freed);
                live = bits;
                if (freeCount == free.length) {
                    free = Arrays.copyOf(free, free.length * 2);
                }
                free[freeCount++] = freed;
                size--;
                return freed;
            }
        }
    }

    /** Whether an ordinal is in use. */
    public boolean contains(int ord) {
        long[] bits = live;
        return ord >= 0 && (ord >>> 6) < bits.length && (bits[ord >>> 6] & (1L << ord)) != 0;
    }

    /** Which of ordinals {@code 64w … 64w+63} are in use, as {@link #contains} answers them: bit k for 64w+k. */
    public long liveWord(int w) {
        long[] bits = live;
        return w >= 0 && w < bits.length ? bits[w] : 0;
    }

    public UUID idOf(int ord) {
        if (!contains(ord)) {
            return null;
        }
        long[] ids = byOrd;
        return 2 * ord + 1 < ids.length ? new UUID(ids[2 * ord], ids[2 * ord + 1]) : null;
    }

    /**
     * Look-ups for ids that mostly come in ascending order (see {@link Ascending}). Owned by one
     * thread; meant for a table no other thread changes meanwhile (a load building a new one).
     */
    public Ascending ascending() {
        return new Ascending(byOrd, live);
    }

    /**
     * Finds ids that come mostly in ascending runs — a segment's members as the membership table holds
     * them — among ordinals given out in ascending order of their ids (a load that adds the ids sorted):
     * each id is searched forward from the last one found, within {@link #WINDOW} ordinals, so the ids
     * are read in memory order instead of one random probe of the hash table each (at a million ids, a
     * cache miss each). Ascending means as PostgreSQL orders uuids: the 16 bytes unsigned, i.e. msb then
     * lsb compared unsigned. Anything else is looked up in the table, so any order of ids is answered
     * right, only more slowly: an id not ahead within the window, not among the sorted ordinals, or out
     * of order. A single stray id (a row added later into a gap of the table) leaves the place alone; two
     * ids in a row that the table found, ascending, move it there — a run's first ids, a sparse run, or a
     * run whose place strays had moved. A caller interleaving several runs keeps each one's
     * {@link #position} and {@link #resume}s it.
     */
    public final class Ascending {
        /** How far ahead of the place an id is searched for before the table is asked. */
        static final int WINDOW = 1024;

        private final long[] ids;
        /** Ordinals {@code [0, sorted)} are in use and their ids strictly ascending. */
        private final int sorted;
        /** Where the next id is expected: the ordinal after the last one found in order. */
        private int next;
        /** The ordinal the table gave for the previous id of this run (-1: the search found it, or none). */
        private int tableBefore = -1;
        private long inOrder;
        private long lookedUp;

        private Ascending(long[] ids, long[] liveBits) {
            this.ids = ids;
            int n = 0;
            int bound = Math.min(capacity, ids.length / 2);
            while (n < bound && (liveBits[n >>> 6] & 1L << n) != 0
                    && (n == 0 || before(ids[2 * n - 2], ids[2 * n - 1], ids[2 * n], ids[2 * n + 1]))) {
                n++;
            }
            this.sorted = n;
        }

        /** How many ordinals, from 0, are searched forward (ids of higher ones are looked up in the table). */
        public int sorted() {
            return sorted;
        }

        /** Look-ups answered by the forward search. */
        public long inOrder() {
            return inOrder;
        }

        /** Look-ups answered by the table (ids out of order, or not among the sorted ordinals). */
        public long lookedUp() {
            return lookedUp;
        }

        /** Where the run stands (to {@link #resume} it after ids of other runs). */
        public int position() {
            return next;
        }

        /** Goes on with a run from where {@link #position} said it stood (0: a new run). */
        public void resume(int position) {
            next = position;
            tableBefore = -1;
        }

        /** The ordinal of the id, or -1 (as {@link DenseIds#ordOf(UUID)}). */
        public int ordOf(UUID id) {
            long msb = id.getMostSignificantBits();
            long lsb = id.getLeastSignificantBits();
            int found = ahead(msb, lsb);
            if (found >= 0) {
                next = found + 1;
                tableBefore = -1;
                inOrder++;
                return found;
            }
            lookedUp++;
            int ord = DenseIds.this.ordOf(msb, lsb);
            if (ord >= 0 && ord < sorted && tableBefore >= 0 && ord > tableBefore) {
                next = ord + 1; // the second id in a row off the place, ascending: the run goes on from here
                tableBefore = -1;
            } else {
                tableBefore = ord < sorted ? ord : -1;
            }
            return ord;
        }

        /** The id's ordinal among the next {@link #WINDOW} sorted ones, or -1. */
        private int ahead(long msb, long lsb) {
            // gallop: 1, 2, 4, ... ahead until an id not below this one, then bisect
            int low = next;
            int step = 1;
            int high = low;
            while (high < sorted && before(ids[2 * high], ids[2 * high + 1], msb, lsb)) {
                if (high - next >= WINDOW) {
                    return -1;
                }
                low = high + 1;
                high = low + step - 1;
                step <<= 1;
            }
            high = Math.min(high, sorted - 1);
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (before(ids[2 * mid], ids[2 * mid + 1], msb, lsb)) {
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return low < sorted && ids[2 * low] == msb && ids[2 * low + 1] == lsb ? low : -1;
        }
    }

    /** Whether id (m1, l1) orders before (m2, l2) as PostgreSQL orders uuids. */
    private static boolean before(long m1, long l1, long m2, long l2) {
        int c = Long.compareUnsigned(m1, m2);
        return c < 0 || c == 0 && Long.compareUnsigned(l1, l2) < 0;
    }

    /** One more than the highest ordinal ever assigned (array sizes follow it). */
    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    /** Heap held by the table and the ids, for memory budgets. */
    public long bytes() {
        return 8L * (table.length + byOrd.length + live.length) + 4L * free.length;
    }

    /** A UUID in its 36-character form (hex digits in either case), or null for any other text. */
    public static UUID parse(String id) {
        long[] bits = bitsOf(id);
        return bits == null ? null : new UUID(bits[0], bits[1]);
    }

    /** {@link #parse} as {msb, lsb} (the array does not escape its callers, so it costs no allocation). */
    private static long[] bitsOf(String id) {
        if (id == null || id.length() != 36 || id.charAt(8) != '-' || id.charAt(13) != '-' || id.charAt(18) != '-'
                || id.charAt(23) != '-') {
            return null;
        }
        long low = hex(id, 0, 8);
        long mid = hex(id, 9, 13);
        long high = hex(id, 14, 18);
        long clock = hex(id, 19, 23);
        long node = hex(id, 24, 36);
        if ((low | mid | high | clock | node) < 0) {
            return null;
        }
        return new long[] {low << 32 | mid << 16 | high, clock << 48 | node};
    }

    private void growIds(int ords) {
        if (2 * ords > byOrd.length) {
            byOrd = Arrays.copyOf(byOrd, Math.max(2 * ords, byOrd.length + (byOrd.length >> 1)));
        }
        if (((ords - 1) >>> 6) >= live.length) {
            live = Arrays.copyOf(live, Math.max(((ords - 1) >>> 6) + 1, live.length + (live.length >> 1)));
        }
    }

    /** A new table without tombstones, twice as large when live ids fill more than a quarter. */
    private void rebuild() {
        long[] old = table;
        int slots = old.length / WIDTH;
        int wanted = (size + 1) * 4L > slots ? slots * 2 : slots;
        long[] t = new long[wanted * WIDTH];
        int count = 0;
        for (int at = 0; at < old.length; at += WIDTH) {
            long ord = old[at + 2];
            if (ord != EMPTY && ord != REMOVED) {
                insert(t, old[at], old[at + 1], (int) (ord - 1));
                count++;
            }
        }
        used = count;
        table = t; // volatile: publishes the filled table
    }

    private static void insert(long[] t, long msb, long lsb, int ord) {
        int mask = t.length / WIDTH - 1;
        int slot = hash(msb, lsb) & mask;
        while (t[slot * WIDTH + 2] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        int at = slot * WIDTH;
        t[at] = msb;
        t[at + 1] = lsb;
        SLOT.setRelease(t, at + 2, ord + 1L);
    }

    /** Mixes both halves (ids in tests and imports are not always random). */
    private static int hash(long msb, long lsb) {
        long h = (msb ^ Long.rotateLeft(lsb, 29)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The hex digits of {@code s[from, to)} as a number, or -1 when one is not a hex digit. */
    private static long hex(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }
}
