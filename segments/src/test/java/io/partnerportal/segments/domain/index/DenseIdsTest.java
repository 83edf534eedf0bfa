package io.partnerportal.segments.domain.index;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DenseIdsTest {

    /** An operation on a small universe of ids, so adds, re-adds and removes of the same id mix. */
    record Op(boolean add, int id) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Arbitraries.integers().between(0, 399).flatMap(id -> Arbitraries.of(true, true, false)
                .map(add -> new Op(add, id))).list().ofMaxSize(2_000);
    }

    /** Ids with structure (sequential, one half zero) as imports and tests produce, not only random ones. */
    private static UUID id(int i) {
        return i % 3 == 0 ? new UUID(0, i) : i % 3 == 1 ? new UUID(i, 0) : new UUID(i * 0x9E3779B97F4A7C15L, ~i);
    }

    @Property(tries = 200)
    void behavesAsAMapWithReusedOrdinals(@ForAll("ops") List<Op> ops) {
        DenseIds ids = new DenseIds();
        Map<UUID, Integer> model = new HashMap<>();
        Set<Integer> freed = new HashSet<>();
        for (Op op : ops) {
            UUID id = id(op.id());
            if (op.add()) {
                int ord = ids.add(id);
                Integer known = model.get(id);
                if (known != null) {
                    assertThat(ord).isEqualTo(known);
                } else {
                    assertThat(model.containsValue(ord)).as("ordinal %d given twice", ord).isFalse();
                    if (!freed.isEmpty()) {
                        assertThat(freed).as("a freed ordinal is reused before a new one").contains(ord);
                    }
                    freed.remove(ord);
                    model.put(id, ord);
                }
            } else {
                int ord = ids.remove(id);
                Integer known = model.remove(id);
                assertThat(ord).isEqualTo(known == null ? -1 : known);
                if (known != null) {
                    freed.add(known);
                }
            }
        }
        assertThat(ids.size()).isEqualTo(model.size());
        for (int i = 0; i < 400; i++) {
            UUID id = id(i);
            int expected = model.getOrDefault(id, -1);
            assertThat(ids.ordOf(id)).isEqualTo(expected);
            assertThat(ids.ordOf(id.toString())).isEqualTo(expected);
            assertThat(ids.ordOf(id.toString().toUpperCase(Locale.ROOT))).isEqualTo(expected);
        }
        for (Map.Entry<UUID, Integer> e : model.entrySet()) {
            assertThat(ids.idOf(e.getValue())).isEqualTo(e.getKey());
            assertThat(ids.contains(e.getValue())).isTrue();
        }
        for (int ord : freed) {
            assertThat(ids.idOf(ord)).isNull();
            assertThat(ids.contains(ord)).isFalse();
        }
        assertThat(ids.capacity()).isGreaterThanOrEqualTo(model.size());
    }

    private static final java.util.regex.Pattern CANONICAL = java.util.regex.Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    /** Only the 36-character form is an id (UUID.fromString also takes "+1-2-3-4-5" and the like). */
    @Property(tries = 500)
    void textIsAnIdOnlyInItsCanonicalForm(@ForAll("texts") String text) {
        DenseIds ids = new DenseIds();
        UUID parsed = DenseIds.parse(text);
        if (CANONICAL.matcher(text).matches()) {
            assertThat(parsed).isEqualTo(UUID.fromString(text));
            int ord = ids.add(parsed);
            assertThat(ids.ordOf(text)).isEqualTo(ord);
        } else {
            assertThat(parsed).isNull();
            assertThat(ids.ordOf(text)).isEqualTo(-1);
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> valid = Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong()).toString());
        Arbitrary<String> damaged = valid.flatMap(v -> Arbitraries.integers().between(0, 35).flatMap(at ->
                Arbitraries.of('-', 'g', 'G', 'z', '0', 'F', ' ', '+').map(c -> v.substring(0, at) + c
                        + v.substring(at + 1))));
        return Arbitraries.oneOf(valid, damaged, Arbitraries.strings().ofMaxLength(40));
    }

    @Test
    void textThatIsNotAUuidHasNoOrdinal() {
        DenseIds ids = new DenseIds();
        ids.add(new UUID(0, 0));
        assertThat(ids.ordOf("00000000-0000-0000-0000-000000000000")).isZero();
        assertThat(ids.ordOf((String) null)).isEqualTo(-1);
        assertThat(ids.ordOf("")).isEqualTo(-1);
        assertThat(ids.ordOf("00000000-0000-0000-0000-00000000000g")).isEqualTo(-1);
        assertThat(ids.ordOf("000000000000-0000-0000-000000000000")).isEqualTo(-1);
        assertThat(ids.ordOf("00000000-0000-0000-0000-0000000000000")).isEqualTo(-1);
    }

    /**
     * Readers never lock while one writer adds, removes and rebuilds the table: an id that stays
     * never goes missing and never answers another ordinal; an id never added is never found.
     */
    @Test
    void readersSeeStableIdsWhileTheWriterChurns() throws Exception {
        DenseIds ids = new DenseIds();
        List<UUID> stable = new ArrayList<>();
        int[] stableOrds = new int[1_000];
        for (int i = 0; i < stableOrds.length; i++) {
            UUID id = UUID.randomUUID();
            stable.add(id);
            stableOrds[i] = ids.add(id);
        }
        UUID never = UUID.randomUUID();
        AtomicReference<String> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            List<UUID> churn = new ArrayList<>();
            for (int round = 0; round < 200 && failure.get() == null; round++) {
                for (int i = 0; i < 1_000; i++) {
                    UUID id = UUID.randomUUID();
                    churn.add(id);
                    ids.add(id);
                }
                for (UUID id : churn) {
                    ids.remove(id);
                }
                churn.clear();
            }
        });
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(new Thread(() -> {
                while (writer.isAlive() && failure.get() == null) {
                    for (int i = 0; i < stable.size(); i++) {
                        int ord = ids.ordOf(stable.get(i));
                        if (ord != stableOrds[i]) {
                            failure.set("id " + i + " answered " + ord + " instead of " + stableOrds[i]);
                        }
                        if (!stable.get(i).equals(ids.idOf(ord))) {
                            failure.set("ordinal " + ord + " named " + ids.idOf(ord));
                        }
                    }
                    if (ids.ordOf(never) != -1) {
                        failure.set("an id never added was found");
                    }
                }
            }));
        }
        writer.start();
        readers.forEach(Thread::start);
        writer.join();
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(ids.size()).isEqualTo(stable.size());
    }
    /** Ids added in ascending order (as PostgreSQL orders uuids: unsigned), then a few more out of order. */
    @Property(tries = 200)
    void ascendingLookUpsAnswerAsTheTable(@ForAll("idBits") List<Long> bits, @ForAll("queries") List<Integer> queries) {
        List<UUID> all = new ArrayList<>();
        for (int i = 0; i + 1 < bits.size(); i += 2) {
            all.add(new UUID(bits.get(i), bits.get(i + 1)));
        }
        List<UUID> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(all));
        int sortedCount = distinct.size() * 3 / 4;
        List<UUID> sorted = new ArrayList<>(distinct.subList(0, sortedCount));
        sorted.sort(UNSIGNED);
        DenseIds ids = new DenseIds();
        sorted.forEach(ids::add);
        distinct.subList(sortedCount, distinct.size()).forEach(ids::add); // later additions, any order
        DenseIds.Ascending cursor = ids.ascending();
        assertThat(cursor.sorted()).as("later additions may happen to continue the order").isGreaterThanOrEqualTo(sortedCount);

        // the queries: mostly ascending runs over the ids (restarted now and then), some out of order,
        // some ids never added
        List<UUID> universe = new ArrayList<>(distinct);
        universe.add(new UUID(-1, -1));
        universe.add(new UUID(0, 0));
        universe.add(new UUID(Long.MIN_VALUE, 1));
        universe.sort(UNSIGNED);
        int position = 0;
        for (int q : queries) {
            if (q % 17 == 0) {
                cursor.resume(q % 2 == 0 ? 0 : Math.floorMod(q * 31, cursor.sorted() + 1));
                position = 0;
                continue;
            }
            position = q % 5 == 0 ? Math.floorMod(q, universe.size()) : Math.min(universe.size() - 1, position + q % 4);
            UUID id = universe.get(position);
            assertThat(cursor.ordOf(id)).as("%s", id).isEqualTo(ids.ordOf(id));
        }
    }

    @Test
    void ascendingIdsAreFoundWithoutTheTable() {
        Ascending f = Ascending.ofTenThousand();
        // two "segments": every third id, then every id
        f.findsEach(0, 10_000, 3);
        f.cursor().resume(0);
        f.findsEach(0, 10_000, 1);
        assertThat(f.counts()).as("looked up, in order").containsExactly(0L, 3_334L + 10_000);
        // out of order: answered by the table
        f.findsEach(5, 6, 1);
        assertThat(f.counts()).as("looked up, in order").containsExactly(1L, 3_334L + 10_000);
    }

    /** 10,000 random ids added in ascending order, and a forward search over them. */
    private record Ascending(List<UUID> sorted, DenseIds.Ascending cursor) {
        static Ascending ofTenThousand() {
            List<UUID> sorted = new ArrayList<>();
            java.util.SplittableRandom random = new java.util.SplittableRandom(5);
            for (int i = 0; i < 10_000; i++) {
                sorted.add(new UUID(random.nextLong(), random.nextLong()));
            }
            sorted.sort(UNSIGNED);
            DenseIds ids = new DenseIds();
            sorted.forEach(ids::add);
            return new Ascending(sorted, ids.ascending());
        }

        /** Looks up ids {@code from, from + step, ... < to} in turn: each must give its ordinal. */
        void findsEach(int from, int to, int step) {
            for (int i = from; i < to; i += step) {
                assertThat(cursor.ordOf(sorted.get(i))).isEqualTo(i);
            }
        }

        long[] counts() {
            return new long[] {cursor.lookedUp(), cursor.inOrder()};
        }
    }

    @Test
    void aStrayIdFarAheadDoesNotDerailTheRun() {
        Ascending f = Ascending.ofTenThousand();
        List<UUID> sorted = f.sorted();
        DenseIds.Ascending cursor = f.cursor();
        for (int i = 0; i < sorted.size(); i++) {
            assertThat(cursor.ordOf(sorted.get(i))).isEqualTo(i);
            if (i == 100) {
                assertThat(cursor.ordOf(sorted.get(9_000))).isEqualTo(9_000); // a row added later into a gap
            }
        }
        assertThat(cursor.lookedUp()).isEqualTo(1);
        assertThat(cursor.inOrder()).isEqualTo(10_000);
    }

    @Test
    void aRunStartingFarAheadIsFollowedFromItsSecondId() {
        Ascending f = Ascending.ofTenThousand();
        f.findsEach(5_000, 6_000, 2);
        assertThat(f.counts()).as("looked up, in order").containsExactly(2L, 498L);
    }

    @Test
    void aRunWhosePlaceStraysMovedAheadIsFollowedAgain() {
        Ascending f = Ascending.ofTenThousand();
        // rows added later, at the end of the table, came first in the scan: two of them ascending
        f.findsEach(7_000, 8_001, 1_000);
        // then the run as the initial computation wrote it, from its smallest id
        f.findsEach(0, 1_000, 1);
        assertThat(f.counts()).as("looked up, in order").containsExactly(4L, 998L);
    }

    @Test
    void interleavedRunsResumedWhereTheyStoodAreFollowed() {
        Ascending f = Ascending.ofTenThousand();
        List<UUID> sorted = f.sorted();
        DenseIds.Ascending cursor = f.cursor();
        int[] at = {0, 0}; // the next ordinal of run 0 (even ordinals) and run 1 (odd ones)
        int[] positions = {0, 0};
        for (int chunk = 0; chunk < 200; chunk++) {
            int run = chunk % 2;
            cursor.resume(positions[run]);
            for (int k = 0; k < 25; k++) {
                int ord = 2 * at[run] + run;
                assertThat(cursor.ordOf(sorted.get(ord))).isEqualTo(ord);
                at[run]++;
            }
            positions[run] = cursor.position();
        }
        assertThat(cursor.lookedUp()).isZero();
        assertThat(cursor.inOrder()).isEqualTo(5_000);
    }

    /** PostgreSQL's order of uuids: the 16 bytes compared unsigned. */
    private static final java.util.Comparator<UUID> UNSIGNED = (a, b) -> {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    @Provide
    Arbitrary<List<Long>> idBits() {
        // small values and both signs, so equal halves and the unsigned order's edge (the sign bit) both occur
        return Arbitraries.oneOf(Arbitraries.longs().between(-3, 3), Arbitraries.longs(),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE)).list().ofMaxSize(400);
    }

    @Provide
    Arbitrary<List<Integer>> queries() {
        return Arbitraries.integers().between(0, 1_000).list().ofMaxSize(600);
    }
}
