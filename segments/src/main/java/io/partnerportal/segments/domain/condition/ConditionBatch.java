package io.partnerportal.segments.domain.condition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Many compiled conditions evaluated against one record at a time (a contact against every
 * contact-level segment). The same decisions as {@link CompiledCondition#matches} for each, made
 * cheaper three ways: equal comparisons ({@code partner.tier in [gold]} in forty segments) are
 * decided once per record; every condition is first decided without a single data-dependent
 * branch, as a straight run of two-input gates over the comparisons' answers in three-valued logic
 * ({@link Gates}) — a walk that short-circuits takes a different path for each record, and with
 * hundreds of conditions the mispredicted branches cost more than the logic —; and only conditions
 * that this leaves undecided (they need a comparison of a property too varied to remember, an
 * in_segment test or an any_contact / all_contacts) are walked as trees flattened into one array of
 * node codes, without a virtual call per node. Comparisons over one property are answered together from the value's
 * remembered answers ({@link PropertyAnswers}); a property too varied to remember has its
 * comparisons decided one by one, only when a condition reaches them. in_segment tests are numbered
 * by the segment they refer to ({@link #references()}), so a caller that resolved those once answers
 * them by number ({@link Memberships}); any_contact / all_contacts nodes run as compiled.
 */
public final class ConditionBatch {

    // node kinds (low 3 bits of a node's first int; the rest is the child count or an index)
    static final int ALL = 0;
    static final int ANY = 1;
    static final int NOT = 2;
    static final int COMPARISON = 3;
    private static final int OTHER = 4;
    /** An in_segment test: its argument indexes {@link #others} (the test as compiled) and {@link #referenceOf}. */
    private static final int REFERENCE = 5;

    /** Nodes in prefix order, two ints each: kind and argument, then the position after the node's subtree. */
    private final int[] code;
    /** Where each condition's root starts in {@link #code}. */
    private final int[] roots;
    /** Distinct comparisons, by the index a COMPARISON node holds. */
    private final PropertyTest[] comparisons;
    /** Nodes run as compiled (in_segment, any_contact, all_contacts), by the index an OTHER or REFERENCE node holds. */
    private final Evaluator[] others;
    /** Per entry of {@link #others}: the in_segment test's reference in {@link #references}, or -1. */
    private final int[] referenceOf;
    /** Per entry of {@link #others}: whether the in_segment test is negated (not_in_segment). */
    private final boolean[] negatedOf;
    private final List<Reference> references;
    /** The comparisons grouped by the property they read. */
    private final PropertyAnswers[] properties;
    /** Per comparison: its property's index in {@link #properties}. */
    private final int[] propertyOf;
    /** Per property: the first of its comparisons' gate slots (they are consecutive, in the property's order). */
    private final int[] slotBase;
    /** Per comparison: its gate slot. */
    private final int[] comparisonSlot;
    private final Gates gates;

    private ConditionBatch(int[] code, int[] roots, PropertyTest[] comparisons, Evaluator[] others) {
        this.code = code;
        this.roots = roots;
        this.comparisons = comparisons;
        this.others = others;
        this.referenceOf = new int[others.length];
        this.negatedOf = new boolean[others.length];
        Map<Reference, Integer> referenceIndex = new HashMap<>();
        List<Reference> refs = new ArrayList<>();
        for (int o = 0; o < others.length; o++) {
            referenceOf[o] = -1;
            if (others[o] instanceof Evaluator.SegmentTest t) {
                Evaluator.Membership m = t.membership();
                Reference r = new Reference(t.segmentId(), m != Evaluator.Membership.CONTACT,
                        m != Evaluator.Membership.PARTNER);
                referenceOf[o] = referenceIndex.computeIfAbsent(r, k -> {
                    refs.add(k);
                    return refs.size() - 1;
                });
                negatedOf[o] = t.negated();
            }
        }
        this.references = List.copyOf(refs);
        this.propertyOf = new int[comparisons.length];
        int[] bitOf = new int[comparisons.length]; // a comparison's place among its property's
        Map<PropertyTest.PropertyKey, Integer> propertyIndex = new HashMap<>();
        List<List<PropertyTest>> byProperty = new ArrayList<>();
        for (int c = 0; c < comparisons.length; c++) {
            int property = propertyIndex.computeIfAbsent(comparisons[c].propertyKey(), k -> {
                byProperty.add(new ArrayList<>());
                return byProperty.size() - 1;
            });
            List<PropertyTest> tests = byProperty.get(property);
            propertyOf[c] = property;
            bitOf[c] = tests.size();
            tests.add(comparisons[c]);
        }
        this.properties = byProperty.stream().map(PropertyAnswers::new).toArray(PropertyAnswers[]::new);
        this.slotBase = new int[properties.length];
        int slot = Gates.FIRST_COMPARISON;
        for (int p = 0; p < byProperty.size(); p++) {
            slotBase[p] = slot;
            slot += byProperty.get(p).size();
        }
        this.comparisonSlot = new int[comparisons.length];
        for (int c = 0; c < comparisons.length; c++) {
            comparisonSlot[c] = slotBase[propertyOf[c]] + bitOf[c];
        }
        this.gates = Gates.of(code, roots, comparisonSlot, slot);
    }

    /** The conditions in the order {@link Pass#matches} numbers them. */
    public static ConditionBatch of(List<CompiledCondition> conditions) {
        Builder b = new Builder();
        int[] roots = new int[conditions.size()];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = b.size;
            b.add(conditions.get(i).root());
        }
        return new ConditionBatch(Arrays.copyOf(b.code, b.size), roots, b.comparisons.toArray(PropertyTest[]::new),
                b.others.toArray(Evaluator[]::new));
    }

    public int size() {
        return roots.length;
    }

    /**
     * A segment the batch's in_segment tests refer to, and whose membership they ask about: the
     * partner's (a partner-level segment), the contact's (contact-level), or either when the level
     * was not known at compile time (a segment has members of one level only).
     */
    public record Reference(String segmentId, boolean asksPartner, boolean asksContact) {
    }

    /** The distinct segments referred to, numbered as {@link Memberships#isMember} receives them. */
    public List<Reference> references() {
        return references;
    }

    /**
     * Answers the batch's in_segment tests for a pass's record by reference number, as the
     * context's {@code partnerIn} / {@code contactIn} would (a caller resolves the references once
     * instead of looking each segment id up per record).
     */
    public interface Memberships {
        boolean isMember(int reference);

        /**
         * Called by {@link Pass#decideAll} before it walks condition {@code condition}: the answers of
         * the conditions before it are final (an in_segment test may ask for them).
         */
        default void deciding(int condition) {
        }
    }

    /**
     * What the batch holds, for benchmarks and logs: conditions, nodes, distinct comparisons, the
     * properties they read and how many of those are too varied to remember answers for (their
     * comparisons are decided one by one).
     */
    public String describe() {
        int varied = 0;
        int variedComparisons = 0;
        for (int p = 0; p < properties.length; p++) {
            if (properties[p].tooVaried()) {
                varied++;
            }
        }
        for (int c = 0; c < comparisons.length; c++) {
            if (properties[propertyOf[c]].tooVaried()) {
                variedComparisons++;
            }
        }
        return String.format("%d conditions, %d nodes, %d gates, %d distinct comparisons over %d properties "
                        + "(%d too varied to remember, with %d comparisons), %d in_segment references",
                roots.length, code.length / 2, gates.count(), comparisons.length, properties.length, varied,
                variedComparisons, references.size());
    }

    /** Whether the gates' inputs are packed two to an int ({@link Gates#packed}; for tests). */
    boolean gatesPacked() {
        return gates.packed();
    }

    /** Distinct comparisons across the conditions (each decided at most once per record). */
    public int distinctComparisons() {
        return comparisons.length;
    }

    /**
     * One record's evaluation. Not thread-safe; the context must answer the same for the whole pass
     * (one day), except for in_segment answers that it learns as conditions are decided.
     */
    public Pass over(Values partner, Values contact, EvaluationContext ctx) {
        return new Pass().reset(partner, contact, ctx, null);
    }

    /**
     * A pass to {@link Pass#reset} for one record after another: its arrays (a few kilobytes at a
     * thousand conditions) are reused instead of allocated per record. Owned by one thread.
     */
    public Pass newPass() {
        return new Pass();
    }

    /** See {@link #over}. */
    public final class Pass {
        private Values partner;
        private Values contact;
        private EvaluationContext ctx;
        private Memberships memberships;
        /**
         * Per comparison of a property too varied to remember answers for: {@link #stamp}, plus 1 when
         * true, once decided for this pass's record (older stamps: not decided yet — nothing to clear
         * between records).
         */
        private final int[] decided = new int[comparisons.length];
        /** Twice the number of this pass's record (0 is never a stamp: the array starts as zeros). */
        private int stamp;
        /** Per property: the answers of its comparisons for this record ({@link PropertyAnswers#answersFor}). */
        private final byte[][] answers = new byte[properties.length][];
        /** Per property: its value for this record, typed (read by the walk when the property is too varied). */
        private final Object[] values = new Object[properties.length];
        /** The gates' slots for this record: comparisons' answers, then the gates' outputs ({@link Gates}). */
        private final byte[] slots = gates.newSlots();

        private Pass() {
        }

        /**
         * Starts this pass over for another record (what was decided for the last one is forgotten).
         * in_segment tests are answered by {@code memberships} when given, else by the context.
         */
        public Pass reset(Values partner, Values contact, EvaluationContext ctx, Memberships memberships) {
            this.partner = partner;
            this.contact = contact;
            this.ctx = ctx;
            this.memberships = memberships;
            stamp += 2;
            if (stamp <= 0) { // after a billion records
                Arrays.fill(decided, 0);
                stamp = 2;
            }
            // Every property's value is read and typed up front, in one loop of light iterations: each is a
            // likely cache miss (the record's row, the value object), and misses that do not wait for one
            // another overlap — taken one per heavy iteration (answers looked up, a binary search), fewer did.
            Object[] values = this.values;
            for (int p = 0; p < values.length; p++) {
                values[p] = properties[p].typed(properties[p].rawIn(partner, contact));
            }
            byte[] slots = this.slots;
            for (int p = 0; p < values.length; p++) {
                byte[] known = properties[p].answersFor(values[p], ctx);
                answers[p] = known;
                int base = slotBase[p];
                int count = properties[p].size();
                if (known == PropertyAnswers.TOO_VARIED) {
                    // its comparisons are decided from the value one by one, by the walk
                    for (int k = 0; k < count; k++) {
                        Gates.setUnknown(slots, base + k);
                    }
                } else {
                    System.arraycopy(known, 0, slots, 2 * base, 2 * count);
                }
            }
            gates.run(slots);
            return this;
        }

        /**
         * {@link #matches} of every condition, in order, into {@code answers} (one per condition): a
         * tight loop over the gates' answers, walking only the conditions they left unknown.
         */
        public void decideAll(boolean[] answers) {
            byte[] slots = this.slots;
            for (int i = 0; i < answers.length; i++) {
                byte known = gates.answer(slots, i);
                if (known == Gates.UNKNOWN && memberships != null) {
                    memberships.deciding(i);
                }
                answers[i] = decide(i, known);
            }
        }

        /** {@link CompiledCondition#matches} of condition {@code i} for this pass's record. */
        public boolean matches(int i) {
            return decide(i, gates.answer(slots, i));
        }

        /** Condition {@code i} given what the gates know of it: their answer, or the condition walked. */
        private boolean decide(int i, byte known) {
            return known == Gates.UNKNOWN ? test(roots[i]) : known == Gates.TRUE;
        }

        private boolean test(int at) {
            int head = code[at];
            int arg = head >>> 3;
            switch (head & 7) {
                case ALL -> {
                    int child = at + 2;
                    for (int k = 0; k < arg; k++) {
                        if (!testChild(child)) {
                            return false;
                        }
                        child = code[child + 1];
                    }
                    return true;
                }
                case ANY -> {
                    int child = at + 2;
                    for (int k = 0; k < arg; k++) {
                        if (testChild(child)) {
                            return true;
                        }
                        child = code[child + 1];
                    }
                    return false;
                }
                case NOT -> {
                    return !testChild(at + 2);
                }
                case COMPARISON -> {
                    return comparison(arg);
                }
                case REFERENCE -> {
                    return memberships == null ? others[arg].test(partner, contact, ctx)
                            : memberships.isMember(referenceOf[arg]) != negatedOf[arg];
                }
                default -> {
                    return others[arg].test(partner, contact, ctx);
                }
            }
        }

        /** A child node: a comparison (most children) decided here, without a recursive call. */
        private boolean testChild(int at) {
            int head = code[at];
            return (head & 7) == COMPARISON ? comparison(head >>> 3) : test(at);
        }

        /** Comparison {@code arg}: from its property's answers, or decided alone when the property is too varied. */
        private boolean comparison(int arg) {
            int property = propertyOf[arg];
            if (answers[property] != PropertyAnswers.TOO_VARIED) {
                return slots[2 * comparisonSlot[arg]] == Gates.TRUE;
            }
            int known = decided[arg];
            if ((known & ~1) == stamp) {
                return (known & 1) != 0;
            }
            boolean result = comparisons[arg].testValue(values[property], ctx);
            decided[arg] = stamp | (result ? 1 : 0);
            return result;
        }
    }

    private static final class Builder {
        private int[] code = new int[1024];
        private int size;
        private final List<PropertyTest> comparisons = new ArrayList<>();
        private final Map<PropertyTest.SharingKey, Integer> comparisonIndex = new HashMap<>();
        private final List<Evaluator> others = new ArrayList<>();

        void add(Evaluator node) {
            int at = size;
            if (size + 2 > code.length) {
                code = Arrays.copyOf(code, code.length * 2);
            }
            size += 2;
            int head;
            if (node instanceof Evaluator.AllOf all) {
                head = ALL | all.children.length << 3;
                for (Evaluator child : all.children) {
                    add(child);
                }
            } else if (node instanceof Evaluator.AnyOf any) {
                head = ANY | any.children.length << 3;
                for (Evaluator child : any.children) {
                    add(child);
                }
            } else if (node instanceof Evaluator.NotOf not) {
                head = NOT;
                add(not.child);
            } else if (node instanceof PropertyTest test) {
                Integer index = comparisonIndex.get(test.sharingKey());
                if (index == null) {
                    index = comparisons.size();
                    comparisons.add(test);
                    comparisonIndex.put(test.sharingKey(), index);
                }
                head = COMPARISON | index << 3;
            } else {
                head = (node instanceof Evaluator.SegmentTest ? REFERENCE : OTHER) | others.size() << 3;
                others.add(node);
            }
            code[at] = head;
            code[at + 1] = size;
        }
    }
}
