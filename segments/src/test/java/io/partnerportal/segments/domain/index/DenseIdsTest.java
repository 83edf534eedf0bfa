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
}
