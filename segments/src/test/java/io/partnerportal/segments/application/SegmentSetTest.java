package io.partnerportal.segments.application;

import io.partnerportal.segments.domain.index.DenseIds;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A contact's segments as bits over the index's ordinals, plus ids the index does not know yet. */
class SegmentSetTest {

    private final DenseIds ordinals = new DenseIds();
    private final String[] ids = new String[130];

    SegmentSetTest() {
        for (int i = 0; i < ids.length; i++) {
            UUID id = new UUID(0, i + 1);
            ids[ordinals.add(id)] = id.toString();
        }
    }

    @Test
    void holds_the_segments_of_its_bits_across_words_and_the_ones_beside_them() {
        long[] bits = new long[3];
        for (int ord : new int[] {0, 63, 64, 129}) {
            bits[ord >>> 6] |= 1L << ord;
        }
        String created = new UUID(9, 9).toString(); // no ordinal in the index yet
        Set<String> set = new SegmentSet(bits, ordinals, ord -> ids[ord], List.of(created));

        assertThat(set).hasSize(5);
        assertThat(new HashSet<>(set)).containsExactlyInAnyOrder(ids[0], ids[63], ids[64], ids[129], created);
        assertThat(set).contains(ids[64], created).doesNotContain(ids[1], ids[65], "not a uuid");
        assertThat(set.contains(42)).isFalse();
        assertThat(set).isEqualTo(Set.of(ids[0], ids[63], ids[64], ids[129], created));
    }

    @Test
    void an_empty_set_iterates_nothing() {
        Set<String> set = new SegmentSet(new long[2], ordinals, ord -> ids[ord], List.of());

        assertThat(set).isEmpty();
        assertThat(set.iterator().hasNext()).isFalse();
        assertThatThrownBy(() -> set.iterator().next()).isInstanceOf(NoSuchElementException.class);
        assertThat(set.contains(ids[0])).isFalse();
    }
}
