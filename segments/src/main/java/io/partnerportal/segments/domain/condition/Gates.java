package io.partnerportal.segments.domain.condition;

import java.util.Arrays;

/**
 * The conditions of a {@link ConditionBatch} as one straight run of AND gates, decided for a record
 * without a data-dependent branch. Every slot holds what is known of a node's answer in three-valued
 * logic, as two bits — "may be true" (1) and "is true" (2): {@link #FALSE} 0, {@link #UNKNOWN} 1,
 * {@link #TRUE} 3 —, so AND is a bitwise and. Each slot is kept in both polarities (the value, then
 * its negation), so a negated input costs nothing to read. OR is AND with every input and the
 * output negated; NOT only flips the negation of whoever reads it.
 * Comparisons of a property too varied to remember answers for, in_segment tests and any_contact /
 * all_contacts enter as unknown, and a condition whose answer stays unknown is decided by the
 * batch's walk (only the part that needs them is unknown: an AND with a false input is false
 * whatever the others are).
 *
 * <p>Gates have two inputs (an AND of n children is n − 1 gates), so the loop has no branch but its
 * own. An input or a root is a reference: its slot shifted left by one, plus 1 when read negated —
 * which is also where it is stored in the slots array.
 * (Measured, 2026-12-02: one instruction per input with the running AND in a register was no faster;
 * both inputs in one int and the output stored with its negation as one short, from a table, were
 * ≈ 1 µs faster over 1,843 gates.)
 */
final class Gates {

    static final byte FALSE = 0;
    static final byte UNKNOWN = 1;
    static final byte TRUE = 3;

    /** Slots of the constants (never written after {@link #newSlots}); comparisons start after them. */
    private static final int SLOT_FALSE = 0;
    private static final int SLOT_UNKNOWN = 1;
    static final int FIRST_COMPARISON = 2;

    /** Gate {@code g}'s output is slot {@code firstGate + g}. */
    private final int count;
    /**
     * Both input references of each gate in one int (first in the low 16 bits, second in the high ones),
     * when every reference fits in 16 bits (fewer than 32,768 slots), else null: one load per gate.
     */
    private final int[] packed;
    /** Otherwise two input references per gate (null when {@link #packed}). */
    private final int[] inputs;
    private final int firstGate;
    /** Per condition: the reference its answer is read through. */
    private final int[] roots;

    /** A gate's output and its negation as one little-endian short (value first), by the output. */
    private static final short[] WITH_NEGATION = {
            (short) (FALSE | TRUE << 8), (short) (UNKNOWN | UNKNOWN << 8), 0, (short) (TRUE | FALSE << 8)};
    private static final java.lang.invoke.VarHandle PAIR = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(short[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private Gates(int[] inputs, int firstGate, int[] roots) {
        this.count = inputs.length / 2;
        this.firstGate = firstGate;
        this.roots = roots;
        boolean fits = 2 * (firstGate + count) <= 1 << 16;
        this.packed = fits ? new int[count] : null;
        this.inputs = fits ? null : inputs;
        for (int g = 0; fits && g < count; g++) {
            packed[g] = inputs[2 * g] | inputs[2 * g + 1] << 16;
        }
    }

    /**
     * The gates of the batch's flattened trees ({@code code}, {@code roots}: as {@link ConditionBatch}
     * lays them out), comparison {@code c} being read from slot {@code comparisonSlot[c]}, the gates'
     * outputs from {@code firstGate} on.
     */
    static Gates of(int[] code, int[] conditionRoots, int[] comparisonSlot, int firstGate) {
        Builder b = new Builder(code, comparisonSlot, firstGate);
        int[] roots = new int[conditionRoots.length];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = b.reference(conditionRoots[i]);
        }
        return new Gates(Arrays.copyOf(b.inputs, b.size), firstGate, roots);
    }

    /** Whether {@link #run} reads the inputs packed two to an int (fewer than 32,768 slots). */
    boolean packed() {
        return packed != null;
    }

    int count() {
        return count;
    }

    /**
     * Slots for one record, two entries per slot (value, negation): the constants set, the
     * comparisons' to be filled ({@link #setKnown}, {@link #setUnknown}) before {@link #run}.
     */
    byte[] newSlots() {
        byte[] slots = new byte[2 * (firstGate + count())];
        setKnown(slots, SLOT_FALSE, 0);
        setUnknown(slots, SLOT_UNKNOWN);
        return slots;
    }

    /** Sets a slot to a known answer (its bit: 0 or 1). */
    static void setKnown(byte[] slots, int slot, long bit) {
        slots[2 * slot] = (byte) (bit * TRUE);
        slots[2 * slot + 1] = (byte) ((1 - bit) * TRUE);
    }

    static void setUnknown(byte[] slots, int slot) {
        slots[2 * slot] = UNKNOWN;
        slots[2 * slot + 1] = UNKNOWN;
    }

    /** Decides every gate, in order (a gate's inputs come before it). */
    void run(byte[] slots) {
        int[] both = packed;
        if (both != null) {
            // the loop below with one load per gate's inputs
            int out = 2 * firstGate;
            for (int g = 0; g < both.length; g++) {
                int pair = both[g];
                PAIR.set(slots, out, WITH_NEGATION[slots[pair & 0xFFFF] & slots[pair >>> 16]]);
                out += 2;
            }
            return;
        }
        int[] in = inputs;
        int out = 2 * firstGate;
        for (int i = 0; i < in.length; i += 2) {
            PAIR.set(slots, out, WITH_NEGATION[slots[in[i]] & slots[in[i + 1]]]);
            out += 2;
        }
    }

    /** What the gates know of condition {@code i}: {@link #TRUE}, {@link #FALSE} or {@link #UNKNOWN}. */
    byte answer(byte[] slots, int i) {
        return slots[roots[i]];
    }

    private static final class Builder {
        private final int[] code;
        private final int[] comparisonSlot;
        private final int firstGate;
        private int[] inputs = new int[256];
        private int size;

        Builder(int[] code, int[] comparisonSlot, int firstGate) {
            this.code = code;
            this.comparisonSlot = comparisonSlot;
            this.firstGate = firstGate;
        }

        /** The reference that reads the answer of the node at {@code at}, adding the gates it needs. */
        int reference(int at) {
            int head = code[at];
            int arg = head >>> 3;
            switch (head & 7) {
                case ConditionBatch.ALL -> {
                    return fold(at, arg, false);
                }
                case ConditionBatch.ANY -> {
                    return fold(at, arg, true);
                }
                case ConditionBatch.NOT -> {
                    return reference(at + 2) ^ 1;
                }
                case ConditionBatch.COMPARISON -> {
                    return comparisonSlot[arg] << 1;
                }
                default -> {
                    return SLOT_UNKNOWN << 1; // decided by the walk
                }
            }
        }

        /** AND of the children; ANY as NOT AND of the negated children. No child: AND true, ANY false. */
        private int fold(int at, int children, boolean any) {
            int flip = any ? 1 : 0;
            if (children == 0) {
                return SLOT_FALSE << 1 | (1 - flip);
            }
            int child = at + 2;
            int result = reference(child) ^ flip;
            for (int k = 1; k < children; k++) {
                child = code[child + 1];
                result = gate(result, reference(child) ^ flip);
            }
            return result ^ flip;
        }

        private int gate(int a, int b) {
            if (size + 2 > inputs.length) {
                inputs = Arrays.copyOf(inputs, inputs.length * 2);
            }
            int slot = firstGate + size / 2;
            inputs[size++] = a;
            inputs[size++] = b;
            return slot << 1;
        }
    }
}
