package io.partnerportal.segments.application;

import io.partnerportal.segments.domain.index.DenseIds;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * A read-only set of segment ids held as bits over the access index's segment ordinals: a
 * contact's segments answered without hashing every id into a new set. Ids the index has no
 * ordinal for yet (a segment created a moment ago) are kept as text beside the bits.
 */
final class SegmentSet extends AbstractSet<String> {

    private final long[] bits;
    private final DenseIds ordinals;
    private final IntFunction<String> idText;
    private final List<String> beyond;
    private final int size;

    SegmentSet(long[] bits, DenseIds ordinals, IntFunction<String> idText, List<String> beyond) {
        this.bits = bits;
        this.ordinals = ordinals;
        this.idText = idText;
        this.beyond = beyond;
        int n = beyond.size();
        for (long word : bits) {
            n += Long.bitCount(word);
        }
        this.size = n;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof String id)) {
            return false;
        }
        int ord = ordinals.ordOf(id);
        if (ord >= 0) {
            return (ord >>> 6) < bits.length && (bits[ord >>> 6] & 1L << ord) != 0;
        }
        return beyond.contains(id);
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int w = -1;
            private long word;
            private int extra;

            @Override
            public boolean hasNext() {
                while (word == 0 && w + 1 < bits.length) {
                    word = bits[++w];
                }
                return word != 0 || extra < beyond.size();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (word == 0) {
                    return beyond.get(extra++);
                }
                int ord = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                return idText.apply(ord);
            }
        };
    }
}
