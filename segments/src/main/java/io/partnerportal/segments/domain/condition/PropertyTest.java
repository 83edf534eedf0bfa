package io.partnerportal.segments.domain.condition;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;

/**
 * A compiled comparison. Positive operators run their {@link ValueTest} on a set value (unset:
 * false); a negative operator runs its positive twin's test and negates the result, which makes it
 * true on an unset value, as the contract requires.
 */
final class PropertyTest extends Evaluator {

    private final Scope scope;
    private final String key;
    private final ValueType type;
    private final boolean negate;
    private final ValueTest positive;
    private final Comparison source;
    /** The layout this test last read and its key's slot there (an immutable pair, so racing readers are harmless). */
    private Slot slot;

    private record Slot(Values.Layout layout, int index) {
    }

    PropertyTest(String pointer, Comparison source, ValueType type, ValueTest positive) {
        super(pointer);
        this.scope = source.property().scope();
        this.key = source.property().key();
        this.type = type;
        this.negate = source.op().isNegative();
        this.positive = positive;
        this.source = source;
    }

    /** Tests with equal keys give the same answer for the same records on the same day. */
    record SharingKey(Comparison source, ValueType type) {
    }

    SharingKey sharingKey() {
        return new SharingKey(source, type);
    }

    /** Equal comparisons select the same records of a population. */
    private record SelectionKey(SharingKey test, boolean contacts) {
    }

    @Override
    Object selectionKey(boolean contacts) {
        return new SelectionKey(sharingKey(), contacts);
    }

    @Override
    boolean test(Values partner, Values contact, EvaluationContext ctx) {
        return testValue(valueIn(partner, contact), ctx);
    }

    /** The value this test reads from the records, typed, or null when unset. */
    Object valueIn(Values partner, Values contact) {
        return typed(rawIn(partner, contact));
    }

    /** The property's value as the record holds it, before {@link #typed(Object)}. */
    Object rawIn(Values partner, Values contact) {
        Values record = scope == Scope.PARTNER ? partner : contact;
        return record == null ? null : raw(record);
    }

    /** A value {@link #rawIn} returned, as {@link #valueIn} returns it. */
    Object typed(Object raw) {
        return typed(type, raw);
    }

    /** This test's answer for a value {@link #valueIn} returned (null: unset). */
    boolean testValue(Object value, EvaluationContext ctx) {
        return (value != null && positive.test(value, ctx)) != negate;
    }

    /** Tests reading the same property of the same record, as the same type, can share one read of the value. */
    record PropertyKey(Scope scope, String key, ValueType type) {
    }

    PropertyKey propertyKey() {
        return new PropertyKey(scope, key, type);
    }

    /**
     * Where this test's answer may change on a day ({@link ValueTest#boundaries}), or null when it is
     * not an order test. A negated test changes at the same points.
     */
    Comparable<?>[] boundaries(java.time.LocalDate today) {
        return positive.boundaries(today);
    }

    /** Whether the answer for a value depends on the day (relative date operators). */
    boolean readsToday() {
        return positive.readsToday();
    }

    /** The record's value of the key: by slot when the record has a layout (no key look-up per record). */
    private Object raw(Values record) {
        Values.Layout layout = record.layout();
        if (layout == null) {
            return record.value(key);
        }
        Slot s = slot;
        if (s == null || s.layout() != layout) {
            int index = layout.slotOf(key);
            if (index < 0) {
                return record.value(key);
            }
            s = new Slot(layout, index);
            slot = s;
        }
        return record.valueAt(s.index());
    }

    /**
     * One pass over the property's column. A partner property in a contact-level condition is
     * decided per partner, then carried to each partner's contacts.
     */
    @Override
    boolean readsContact() {
        return scope == Scope.CONTACT;
    }

    @Override
    long[] selectOwn(Population p, boolean contacts) {
        boolean partnerProperty = scope == Scope.PARTNER;
        if (partnerProperty && contacts) {
            return Bits.toContacts(p, selectOwn(p, false));
        }
        long[] present = present(p, contacts);
        long[] out = new long[present.length];
        Object[] column = partnerProperty ? p.partnerColumn(key) : p.contactColumn(key);
        EvaluationContext ctx = new DayOnly(p.today());
        for (int w = 0; w < present.length; w++) {
            long word = present[w];
            long bits = 0;
            while (word != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                Object raw = column == null || i >= column.length ? null : column[i];
                Object value = raw == null ? null : typed(type, raw);
                if (testValue(value, ctx)) {
                    bits |= 1L << i;
                }
            }
            out[w] = bits;
        }
        return out;
    }

    /** What a value test may ask of the context in a bulk pass: the date. */
    private record DayOnly(java.time.LocalDate today) implements EvaluationContext {
        @Override
        public Iterable<? extends Values> contactsOf(String partnerId) {
            throw new UnsupportedOperationException("a property test reads one value");
        }

        @Override
        public boolean partnerIn(String segmentId, String partnerId) {
            throw new UnsupportedOperationException("a property test reads one value");
        }

        @Override
        public boolean contactIn(String segmentId, String contactId) {
            throw new UnsupportedOperationException("a property test reads one value");
        }
    }

    @Override
    ExplainedNode explain(Values partner, Values contact, EvaluationContext ctx) {
        Object value = valueIn(partner, contact);
        boolean result = testValue(value, ctx);
        return new ExplainedNode(pointer, "comparison", result, true, source.property().qualified(),
                source.op().jsonName(), value, expected(), text(value, result, ctx), List.of());
    }

    @Override
    ExplainedNode skipped() {
        return new ExplainedNode(pointer, "comparison", null, false, source.property().qualified(),
                source.op().jsonName(), null, expected(), "not evaluated", List.of());
    }

    private Object expected() {
        if (source.op().operands() == Operator.Operands.NONE) {
            return null;
        }
        return source.listForm() ? source.operands() : source.operands().get(0);
    }

    private String text(Object value, boolean result, EvaluationContext ctx) {
        String property = source.property().qualified();
        Operator op = source.op();
        boolean presenceOnly = op == Operator.IS_SET || op == Operator.IS_NOT_SET || op == Operator.IS_EMPTY
                || op == Operator.IS_NOT_EMPTY;
        String phrase = phrase();
        if (op.operands() == Operator.Operands.RELATIVE) {
            phrase += " (today is " + ctx.today() + ")";
        }
        if (value == null) {
            return property + " is not set" + (presenceOnly ? "" : "; expected " + phrase) + arrow(result);
        }
        return property + " = " + show(value) + "; expected " + phrase + arrow(result);
    }

    private String phrase() {
        List<Object> operands = source.operands();
        boolean many = source.listForm();
        String list = show(operands);
        String one = operands.isEmpty() ? "" : show(operands.get(0));
        String phrase = switch (source.op()) {
            case EQ -> many ? "any of " + list : one;
            case IN -> "any of " + list;
            case NEQ -> many ? "none of " + list : "not " + one;
            case NOT_IN -> "none of " + list;
            case CONTAINS -> many ? "containing any of " + list : "containing " + one;
            case NOT_CONTAINS -> many ? "containing none of " + list : "not containing " + one;
            case STARTS_WITH -> many ? "starting with any of " + list : "starting with " + one;
            case ENDS_WITH -> many ? "ending with any of " + list : "ending with " + one;
            case MATCHES -> many ? "matching any of " + list : "matching /" + one + "/";
            case IS_SET -> "set";
            case IS_NOT_SET -> "not set";
            case LT -> "< " + one;
            case LTE -> "≤ " + one;
            case GT -> "> " + one;
            case GTE -> "≥ " + one;
            case BETWEEN -> "between " + one + " and " + show(operands.get(1));
            case IS_TRUE -> "true";
            case IS_FALSE -> "false";
            case BEFORE -> "before " + one;
            case AFTER -> "after " + one;
            case WITHIN_LAST -> "within the last " + one + " " + source.unit().jsonName();
            case WITHIN_NEXT -> "within the next " + one + " " + source.unit().jsonName();
            case MORE_THAN_AGO -> "more than " + one + " " + source.unit().jsonName() + " ago";
            case CONTAINS_ANY -> "containing any of " + list;
            case CONTAINS_ALL -> "containing all of " + list;
            case CONTAINS_NONE -> "containing none of " + list;
            case IS_EMPTY -> "empty";
            case IS_NOT_EMPTY -> "not empty";
        };
        return source.ignoreCase() ? phrase + " (ignoring case)" : phrase;
    }

    private static String show(Object value) {
        if (value instanceof BigDecimal n) {
            return n.toPlainString();
        }
        if (value instanceof Collection<?> c) {
            StringBuilder text = new StringBuilder("[");
            for (Object each : c) {
                if (text.length() > 1) {
                    text.append(", ");
                }
                text.append(show(each));
            }
            return text.append(']').toString();
        }
        return String.valueOf(value);
    }

    /**
     * The value as the evaluator compares it, or null for unset (see {@link Values} for what counts
     * as unset). Canonical types pass through without allocation.
     */
    static Object typed(ValueType type, Object raw) {
        if (raw == null) {
            return null;
        }
        switch (type) {
            case STRING, URL, USER, ENUM -> {
                return raw instanceof String s && !s.isEmpty() ? s : null;
            }
            case NUMBER -> {
                if (raw instanceof BigDecimal) {
                    return raw;
                }
                return raw instanceof Number n ? decimal(n) : null;
            }
            case BOOLEAN -> {
                return raw instanceof Boolean ? raw : null;
            }
            case DATE -> {
                if (raw instanceof LocalDate) {
                    return raw;
                }
                Instant instant = instant(raw);
                return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
            }
            case DATETIME -> {
                if (raw instanceof LocalDate day) {
                    return TimeOperand.startOfDay(day);
                }
                return instant(raw);
            }
            case MULTI_ENUM -> {
                if (raw instanceof Collection<?> c) {
                    return c.isEmpty() ? null : c;
                }
                return raw instanceof String s && !s.isEmpty() ? List.of(s) : null;
            }
            default -> throw new IllegalStateException("unknown type " + type);
        }
    }

    private static Instant instant(Object raw) {
        if (raw instanceof Instant i) {
            return i;
        }
        if (raw instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (raw instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        return null;
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        double d = n.doubleValue();
        return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
}
