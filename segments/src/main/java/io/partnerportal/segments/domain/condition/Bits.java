package io.partnerportal.segments.domain.condition;

/** Word-wise operations on bitsets over ordinals (results in the first argument). */
final class Bits {

    private Bits() {
    }

    static long[] copy(long[] bits, int words) {
        long[] out = new long[words];
        if (bits != null) {
            System.arraycopy(bits, 0, out, 0, Math.min(words, bits.length));
        }
        return out;
    }

    static void and(long[] into, long[] other) {
        for (int w = 0; w < into.length; w++) {
            into[w] &= w < other.length ? other[w] : 0;
        }
    }

    static void or(long[] into, long[] other) {
        for (int w = 0; w < into.length && w < other.length; w++) {
            into[w] |= other[w];
        }
    }

    /** {@code present} and not {@code bits}, as a new bitset. */
    static long[] complement(long[] present, long[] bits) {
        long[] out = present.clone();
        for (int w = 0; w < out.length && w < bits.length; w++) {
            out[w] &= ~bits[w];
        }
        return out;
    }

    static boolean isEmpty(long[] bits) {
        for (long w : bits) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    static boolean test(long[] bits, int i) {
        return i >= 0 && (i >>> 6) < bits.length && (bits[i >>> 6] & (1L << i)) != 0;
    }

    /** Partner bits carried to the contacts of those partners (present contacts only). */
    static long[] toContacts(Population p, long[] partnerBits) {
        long[] contacts = p.contacts();
        long[] out = new long[contacts.length];
        for (int w = 0; w < contacts.length; w++) {
            long word = contacts[w];
            while (word != 0) {
                int c = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                if (test(partnerBits, p.partnerOf(c))) {
                    out[w] |= 1L << c;
                }
            }
        }
        return out;
    }
}
