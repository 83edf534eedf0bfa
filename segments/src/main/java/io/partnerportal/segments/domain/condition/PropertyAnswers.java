package io.partnerportal.segments.domain.condition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The comparisons of a {@link ConditionBatch} that read one property, answered together: a
 * record's value is read once, and the answers of all of them for a value seen before come from
 * one look-up. Most properties that segments compare have few distinct values (enums, booleans,
 * tiers, countries), so after the first records a comparison costs a copied answer instead of a value
 * read, a conversion and a test. When every comparison of the property is an order test (ranges,
 * numbers equal to, relative dates, is set), the answers are remembered per place of the value
 * among the comparisons' boundaries instead — one binary search — so numbers and dates with many
 * distinct values are answered as cheaply. Any other property with more than {@link #MAX_VALUES}
 * distinct values stops being remembered and its comparisons are decided one by one, as before.
 *
 * <p>Shared by the threads that evaluate with the batch: answers are pure functions of the value
 * (and of the day, for relative dates, which starts a new memory), so two threads computing the
 * same entry is harmless.
 */
final class PropertyAnswers {

    /** Distinct values remembered per property before it counts as too varied. */
    static final int MAX_VALUES = 256;

    /** Marks a property too varied to remember, in {@link #answersFor}'s result. */
    static final byte[] TOO_VARIED = new byte[0];

    private final PropertyTest[] tests;
    private final boolean readsToday;
    private final byte[] unset;
    private volatile Memory memory = new Memory(null);
    private volatile boolean tooVaried;
    /** Whether every test's answer is a function of the value's place among boundaries. */
    private final boolean ordered;
    private volatile Places places;

    /**
     * An ordered property's boundaries on one day (sorted, distinct) and the answers per place: place
     * {@code 2k} lies strictly below point {@code k} (and above point k-1), place {@code 2k+1} is on it.
     */
    private record Places(LocalDate day, Object[] points, AtomicReferenceArray<byte[]> answers) {
    }

    /** Answers per value, for one day when a test reads the day. */
    private record Memory(LocalDate day, ConcurrentHashMap<Object, byte[]> answers) {
        Memory(LocalDate day) {
            this(day, new ConcurrentHashMap<>());
        }
    }

    PropertyAnswers(List<PropertyTest> tests) {
        this.tests = tests.toArray(PropertyTest[]::new);
        boolean today = false;
        for (PropertyTest t : this.tests) {
            today |= t.readsToday();
        }
        this.readsToday = today;
        this.unset = answer(null, null);
        boolean allOrdered = true;
        for (PropertyTest t : this.tests) {
            allOrdered &= t.boundaries(LocalDate.EPOCH) != null;
        }
        this.ordered = allOrdered;
    }

    /** How many comparisons read the property (slots in {@link #answersFor}'s result). */
    int size() {
        return tests.length;
    }

    /** Whether the property has had too many distinct values to remember answers for. */
    boolean tooVaried() {
        return tooVaried;
    }

    /** The property's value as the record holds it (see {@link #answersFor}). */
    Object rawIn(Values partner, Values contact) {
        return tests[0].rawIn(partner, contact);
    }

    /** A value {@link #rawIn} read, as this property's comparisons test it. */
    Object typed(Object raw) {
        return tests[0].typed(raw);
    }

    /**
     * The answers of this property's tests for a value {@link #rawIn} read and {@link #typed}, as
     * {@link Gates} slots (test {@code i}: slot {@code i}, its value and negation — copied as they are
     * into a pass's slots), or {@link #TOO_VARIED} when the property has too many distinct values to
     * remember.
     */
    byte[] answersFor(Object value, EvaluationContext ctx) {
        if (tooVaried) {
            return TOO_VARIED;
        }
        if (value == null) {
            return unset;
        }
        if (ordered) {
            return byPlace(value, ctx);
        }
        Memory m = memory;
        if (readsToday && !ctx.today().equals(m.day())) {
            m = new Memory(ctx.today());
            memory = m;
        }
        byte[] known = m.answers().get(value);
        if (known != null) {
            return known;
        }
        if (m.answers().size() >= MAX_VALUES) {
            tooVaried = true;
            memory = new Memory(null);
            return TOO_VARIED;
        }
        byte[] computed = answer(value, ctx);
        m.answers().putIfAbsent(value, computed);
        return computed;
    }

    private byte[] byPlace(Object value, EvaluationContext ctx) {
        Places p = places;
        if (p == null || readsToday && !ctx.today().equals(p.day())) {
            p = places(ctx.today());
            places = p;
        }
        int found = Arrays.binarySearch(p.points(), value);
        int place = found >= 0 ? 2 * found + 1 : -2 * (found + 1);
        byte[] known = p.answers().get(place);
        if (known == null) {
            // every value of the place gets these answers: the tests change answer only at the points
            known = answer(value, ctx);
            p.answers().set(place, known);
        }
        return known;
    }

    private Places places(LocalDate today) {
        List<Comparable<?>> all = new ArrayList<>();
        for (PropertyTest t : tests) {
            all.addAll(Arrays.asList(t.boundaries(today)));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<Object> natural = (a, b) -> ((Comparable) a).compareTo(b);
        all.sort(natural);
        List<Object> distinct = new ArrayList<>();
        for (Object point : all) {
            if (distinct.isEmpty() || natural.compare(distinct.get(distinct.size() - 1), point) != 0) {
                distinct.add(point);
            }
        }
        return new Places(today, distinct.toArray(), new AtomicReferenceArray<>(2 * distinct.size() + 1));
    }

    private byte[] answer(Object value, EvaluationContext ctx) {
        byte[] slots = new byte[2 * tests.length];
        for (int i = 0; i < tests.length; i++) {
            Gates.setKnown(slots, i, tests[i].testValue(value, ctx) ? 1 : 0);
        }
        return slots;
    }
}
