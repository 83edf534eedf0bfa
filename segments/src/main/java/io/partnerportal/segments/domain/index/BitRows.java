package io.partnerportal.segments.domain.index;

import java.util.Arrays;

/**
 * A growable matrix of bits: one row per record (partner or contact ordinal), one column per
 * segment ordinal, stored row-major in one {@code long[]} so a record's segments are a few
 * consecutive words. Readers never lock: a grown matrix is published as a new instance. Writers
 * (one at a time) set and clear bits in place.
 */
public final class BitRows {

    private final int words;
    private final long[] bits;

    public BitRows(int rows, int columns) {
        this.words = Math.max(1, (columns + 63) >>> 6);
        this.bits = new long[Math.max(1, rows) * words];
    }

    private BitRows(int words, long[] bits) {
        this.words = words;
        this.bits = bits;
    }

    public int words() {
        return words;
    }

    public int rows() {
        return bits.length / words;
    }

    public int columns() {
        return words << 6;
    }

    /** A copy with room for at least {@code rows} rows and {@code columns} columns (this one if it fits). */
    public BitRows ensure(int rows, int columns) {
        int needWords = Math.max(words, (columns + 63) >>> 6);
        int needRows = Math.max(rows(), rows);
        if (needWords == words && needRows == rows()) {
            return this;
        }
        int newRows = needRows == rows() ? needRows : Math.max(needRows, rows() + (rows() >> 1) + 16);
        long[] grown = new long[newRows * needWords];
        int oldRows = rows();
        for (int r = 0; r < oldRows; r++) {
            System.arraycopy(bits, r * words, grown, r * needWords, words);
        }
        return new BitRows(needWords, grown);
    }

    public boolean get(int row, int column) {
        int w = column >>> 6;
        if (row < 0 || w >= words || row >= rows()) {
            return false;
        }
        return (bits[row * words + w] & (1L << column)) != 0;
    }

    /** @return whether the bit changed */
    public boolean set(int row, int column, boolean value) {
        int i = row * words + (column >>> 6);
        long mask = 1L << column;
        long before = bits[i];
        long after = value ? before | mask : before & ~mask;
        bits[i] = after;
        return before != after;
    }

    public void clearRow(int row) {
        if (row >= 0 && row < rows()) {
            Arrays.fill(bits, row * words, (row + 1) * words, 0L);
        }
    }

    public void clearColumn(int column) {
        int w = column >>> 6;
        if (w >= words) {
            return;
        }
        long mask = ~(1L << column);
        for (int i = w; i < bits.length; i += words) {
            bits[i] &= mask;
        }
    }

    /** Whether row {@code row} of this matrix or row {@code otherRow} of {@code other} meets the mask. */
    public boolean intersects(int row, BitRows other, int otherRow, long[] mask) {
        int base = row < 0 || row >= rows() ? -1 : row * words;
        int otherBase = other == null || otherRow < 0 || otherRow >= other.rows() ? -1 : otherRow * other.words;
        for (int w = 0; w < mask.length; w++) {
            long m = mask[w];
            if (m == 0) {
                continue;
            }
            long v = 0;
            if (base >= 0 && w < words) {
                v |= bits[base + w];
            }
            if (otherBase >= 0 && w < other.words) {
                v |= other.bits[otherBase + w];
            }
            if ((v & m) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Word {@code w} of a row (columns {@code 64w .. 64w+63}); 0 outside the matrix. */
    public long word(int row, int w) {
        return row < 0 || row >= rows() || w < 0 || w >= words ? 0 : bits[row * words + w];
    }

    /** The columns set in a row. */
    public int[] columnsOf(int row) {
        if (row < 0 || row >= rows()) {
            return new int[0];
        }
        int count = 0;
        for (int w = 0; w < words; w++) {
            count += Long.bitCount(bits[row * words + w]);
        }
        int[] out = new int[count];
        int k = 0;
        for (int w = 0; w < words; w++) {
            long v = bits[row * words + w];
            while (v != 0) {
                int b = Long.numberOfTrailingZeros(v);
                out[k++] = (w << 6) + b;
                v &= v - 1;
            }
        }
        return out;
    }

    /** Bytes held by this matrix (for the documented memory budget). */
    public long bytes() {
        return (long) bits.length * Long.BYTES;
    }
}
