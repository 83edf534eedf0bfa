package io.partnerportal.segments.domain.condition;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Warnings on a valid condition: it saves, but is probably not what the admin meant. The rules, a
 * fixed list (codes are stable):
 *
 * <ul>
 *   <li>{@code never_matches} (pointer: the child of an {@code all} that contradicts an earlier
 *       sibling) — inside one {@code all}, on the same property: eq/in comparisons without a common
 *       value; number or date ranges (lt, lte, gt, gte, between, before, after, a single eq) that
 *       cannot overlap, or eq/in numbers or dates that all fall outside them; is_set with
 *       is_not_set, is_empty with is_not_empty, or is_not_set with any positive operator.</li>
 *   <li>{@code always_matches} (pointer: the {@code any}) — is_set and is_not_set (or is_empty and
 *       is_not_empty) of the same property inside one {@code any}.</li>
 *   <li>{@code value_not_present} (pointer: the operand) — an eq / in / contains_any / contains_all
 *       operand that no record currently has ({@link LintData#valueExists}); not checked with
 *       ignoreCase or on dates.</li>
 *   <li>{@code archived_property} (pointer: the property) — the property is archived.</li>
 *   <li>{@code empty_segment} (pointer: the segment) — in_segment / not_in_segment of a segment with
 *       no members now.</li>
 *   <li>{@code regex_matches_empty} (pointer: the operand) — a {@code matches} regex that matches
 *       the empty string, and so every set value.</li>
 * </ul>
 * Only direct children of one group are compared; contradictions across nesting are not sought.
 * Unknown properties and invalid operands are skipped (they are the validator's errors).
 */
public final class ConditionLint {

    public static final String NEVER_MATCHES = "never_matches";
    public static final String ALWAYS_MATCHES = "always_matches";
    public static final String VALUE_NOT_PRESENT = "value_not_present";
    public static final String ARCHIVED_PROPERTY = "archived_property";
    public static final String EMPTY_SEGMENT = "empty_segment";
    public static final String REGEX_MATCHES_EMPTY = "regex_matches_empty";

    private final PropertySpecs specs;
    private final LintData data;
    private final String prefix;
    private final List<ConditionWarning> warnings = new ArrayList<>();

    private ConditionLint(PropertySpecs specs, LintData data, String prefix) {
        this.specs = specs;
        this.data = data;
        this.prefix = prefix;
    }

    /** @param data may be null: the rules that need data (value_not_present, empty_segment) are skipped */
    public static List<ConditionWarning> lint(Condition condition, PropertySpecs specs, LintData data,
                                              String pointerPrefix) {
        ConditionLint lint = new ConditionLint(specs, data, pointerPrefix == null ? "" : pointerPrefix);
        condition.walk((node, pointer, inContactScope) -> lint.check(node, pointer));
        return List.copyOf(lint.warnings);
    }

    private void check(ConditionNode node, String pointer) {
        if (node instanceof Comparison c) {
            comparison(c, pointer);
        } else if (node instanceof InSegment s) {
            if (data != null && data.memberCount(s.segmentId()) == 0) {
                warn(JsonPointer.append(pointer, "segment"), EMPTY_SEGMENT,
                        "segment " + s.segmentId() + " has no members now");
            }
        } else if (node instanceof All all) {
            contradictions(all.children(), pointer + "/all/");
        } else if (node instanceof Any any) {
            tautologies(any.children(), pointer);
        }
    }

    private void comparison(Comparison c, String pointer) {
        Optional<PropertySpec> found = specs.find(c.property());
        if (found.isEmpty()) {
            return;
        }
        PropertySpec spec = found.get();
        if (spec.archived()) {
            warn(JsonPointer.append(pointer, "property"), ARCHIVED_PROPERTY,
                    c.property().qualified() + " is archived: it keeps its values but no longer changes in forms");
        }
        if (c.op() == Operator.MATCHES) {
            for (int i = 0; i < c.operands().size(); i++) {
                if (c.operands().get(i) instanceof String regex && matchesEmpty(regex, c.ignoreCase())) {
                    warn(c.operandPointer(pointer, i), REGEX_MATCHES_EMPTY,
                            "this regex matches the empty string, so it matches every value that is set");
                }
            }
        }
        boolean valueOperator = c.op() == Operator.EQ || c.op() == Operator.IN || c.op() == Operator.CONTAINS_ANY
                || c.op() == Operator.CONTAINS_ALL;
        if (data != null && valueOperator && !c.ignoreCase() && !spec.type().isTemporal()) {
            for (int i = 0; i < c.operands().size(); i++) {
                Object operand = c.operands().get(i);
                if (!data.valueExists(c.property(), operand)) {
                    warn(c.operandPointer(pointer, i), VALUE_NOT_PRESENT,
                            "no record has " + c.property().qualified() + " = " + show(operand) + " now");
                }
            }
        }
    }

    private static boolean matchesEmpty(String regex, boolean ignoreCase) {
        try {
            return Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher("").find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** One property's comparisons among the children of an {@code all}. */
    private static final class Constraints {
        ValueType type;
        Set<Object> allowed; // intersection of eq/in sets so far (normalised), null = unconstrained
        boolean allowedLowerCase;
        Comparable<Object> low;
        boolean lowInclusive;
        Comparable<Object> high;
        boolean highInclusive;
        List<Object> points = new ArrayList<>(); // eq / in values of numbers and dates, each set separately
        boolean isSet;
        boolean isNotSet;
        boolean positive;
        boolean reported;
    }

    private void contradictions(List<ConditionNode> children, String childPrefix) {
        Map<PropertyRef, Constraints> byProperty = new LinkedHashMap<>();
        for (int i = 0; i < children.size(); i++) {
            if (!(children.get(i) instanceof Comparison c)) {
                continue;
            }
            Optional<PropertySpec> spec = specs.find(c.property());
            if (spec.isEmpty() || !Operator.allowedFor(spec.get().type()).contains(c.op())) {
                continue;
            }
            Constraints constraints = byProperty.computeIfAbsent(c.property(), ref -> new Constraints());
            constraints.type = spec.get().type();
            String reason = add(constraints, c);
            if (reason != null && !constraints.reported) {
                constraints.reported = true;
                warn(childPrefix + i, NEVER_MATCHES, "this can never be true together with the other conditions on "
                        + c.property().qualified() + " in this all: " + reason);
            }
        }
    }

    /** Adds a comparison; answers why the constraints became contradictory, or null. */
    private static String add(Constraints k, Comparison c) {
        Operator op = c.op();
        if (op == Operator.IS_SET || op == Operator.IS_NOT_EMPTY) {
            k.isSet = true;
        } else if (op == Operator.IS_NOT_SET || op == Operator.IS_EMPTY) {
            k.isNotSet = true;
        } else if (!op.isNegative()) {
            k.positive = true;
        }
        if (k.isNotSet && (k.isSet || k.positive)) {
            return "it must be both unset and set";
        }
        try {
            if ((op == Operator.EQ || op == Operator.IN) && !k.type.isTemporal() && k.type != ValueType.NUMBER) {
                return intersect(k, c);
            }
            if (k.type == ValueType.NUMBER || k.type.isTemporal()) {
                return range(k, c);
            }
        } catch (RuntimeException invalidOperand) {
            return null; // the validator reports it
        }
        return null;
    }

    private static String intersect(Constraints k, Comparison c) {
        boolean lowerCase = c.ignoreCase() || k.allowedLowerCase;
        Set<Object> values = new HashSet<>();
        for (Object operand : c.operands()) {
            values.add(lowerCase ? operand.toString().toLowerCase(Locale.ROOT) : operand);
        }
        if (k.allowed == null) {
            k.allowed = values;
            k.allowedLowerCase = lowerCase;
            return null;
        }
        Set<Object> previous = k.allowed;
        if (lowerCase && !k.allowedLowerCase) {
            previous = new HashSet<>();
            for (Object value : k.allowed) {
                previous.add(value.toString().toLowerCase(Locale.ROOT));
            }
        }
        previous.retainAll(values);
        k.allowed = previous;
        k.allowedLowerCase = lowerCase;
        return previous.isEmpty() ? "no value satisfies all its eq / in comparisons" : null;
    }

    @SuppressWarnings("unchecked")
    private static String range(Constraints k, Comparison c) {
        ValueType type = k.type;
        List<Object> operands = c.operands();
        switch (c.op()) {
            case LT, BEFORE -> upper(k, lowBound(type, operands.get(0)), false);
            case LTE -> upper(k, (Comparable<Object>) point(type, operands.get(0)), true);
            case GT -> lower(k, (Comparable<Object>) point(type, operands.get(0)), false);
            case GTE -> lower(k, (Comparable<Object>) point(type, operands.get(0)), true);
            case AFTER -> after(k, type, operands.get(0));
            case BETWEEN -> {
                lower(k, lowBound(type, operands.get(0)), true);
                betweenUpper(k, type, operands.get(1));
            }
            case EQ, IN -> {
                if (type == ValueType.DATETIME) {
                    if (operands.size() == 1) {
                        TimeOperand t = TimeOperand.parse((String) operands.get(0), type).orElseThrow();
                        lower(k, (Comparable<Object>) (Object) t.start(), true);
                        if (t.isDay()) {
                            upper(k, (Comparable<Object>) (Object) t.endExclusive(), false);
                        } else {
                            upper(k, (Comparable<Object>) (Object) t.instant(), true);
                        }
                    }
                } else {
                    List<Object> points = new ArrayList<>();
                    for (Object operand : operands) {
                        points.add(point(type, operand));
                    }
                    k.points.add(points);
                }
            }
            default -> {
                return null;
            }
        }
        if (k.low != null && k.high != null) {
            int cmp = k.low.compareTo(k.high);
            if (cmp > 0 || (cmp == 0 && !(k.lowInclusive && k.highInclusive))) {
                return "its ranges do not overlap";
            }
        }
        for (Object set : k.points) {
            boolean anyInside = false;
            for (Object p : (List<Object>) set) {
                anyInside |= inside(k, (Comparable<Object>) p);
            }
            if (!anyInside) {
                return "none of its eq / in values lies in its range";
            }
        }
        if (k.points.size() > 1) {
            Set<Object> common = null;
            for (Object set : k.points) {
                Set<Object> normalised = new HashSet<>();
                for (Object p : (List<Object>) set) {
                    normalised.add(p instanceof BigDecimal n ? n.stripTrailingZeros() : p);
                }
                if (common == null) {
                    common = normalised;
                } else {
                    common.retainAll(normalised);
                }
            }
            if (common.isEmpty()) {
                return "no value satisfies all its eq / in comparisons";
            }
        }
        return null;
    }

    private static boolean inside(Constraints k, Comparable<Object> p) {
        if (k.low != null) {
            int cmp = k.low.compareTo(p);
            if (cmp > 0 || (cmp == 0 && !k.lowInclusive)) {
                return false;
            }
        }
        if (k.high != null) {
            int cmp = k.high.compareTo(p);
            return cmp > 0 || (cmp == 0 && k.highInclusive);
        }
        return true;
    }

    private static Object point(ValueType type, Object operand) {
        if (type == ValueType.NUMBER) {
            return (BigDecimal) operand;
        }
        TimeOperand t = TimeOperand.parse((String) operand, type).orElseThrow();
        return type == ValueType.DATE ? t.day() : t.start();
    }

    /** The first covered point: the day for dates, the start of the day or the instant for datetimes. */
    @SuppressWarnings("unchecked")
    private static Comparable<Object> lowBound(ValueType type, Object operand) {
        return (Comparable<Object>) point(type, operand);
    }

    @SuppressWarnings("unchecked")
    private static void after(Constraints k, ValueType type, Object operand) {
        if (type == ValueType.DATETIME) {
            TimeOperand t = TimeOperand.parse((String) operand, type).orElseThrow();
            if (t.isDay()) {
                lower(k, (Comparable<Object>) (Object) t.endExclusive(), true);
            } else {
                lower(k, (Comparable<Object>) (Object) t.instant(), false);
            }
        } else {
            lower(k, (Comparable<Object>) point(type, operand), false);
        }
    }

    @SuppressWarnings("unchecked")
    private static void betweenUpper(Constraints k, ValueType type, Object operand) {
        if (type == ValueType.DATETIME) {
            TimeOperand t = TimeOperand.parse((String) operand, type).orElseThrow();
            if (t.isDay()) {
                upper(k, (Comparable<Object>) (Object) t.endExclusive(), false);
            } else {
                upper(k, (Comparable<Object>) (Object) t.instant(), true);
            }
        } else {
            upper(k, (Comparable<Object>) point(type, operand), true);
        }
    }

    private static void lower(Constraints k, Comparable<Object> bound, boolean inclusive) {
        if (k.low == null) {
            k.low = bound;
            k.lowInclusive = inclusive;
            return;
        }
        int cmp = bound.compareTo(k.low);
        if (cmp > 0 || (cmp == 0 && !inclusive)) {
            k.low = bound;
            k.lowInclusive = inclusive;
        }
    }

    private static void upper(Constraints k, Comparable<Object> bound, boolean inclusive) {
        if (k.high == null) {
            k.high = bound;
            k.highInclusive = inclusive;
            return;
        }
        int cmp = bound.compareTo(k.high);
        if (cmp < 0 || (cmp == 0 && !inclusive)) {
            k.high = bound;
            k.highInclusive = inclusive;
        }
    }

    private void tautologies(List<ConditionNode> children, String pointer) {
        Map<PropertyRef, Integer> presence = new HashMap<>(); // bit 1: set, bit 2: unset
        for (ConditionNode child : children) {
            if (child instanceof Comparison c) {
                int bit = switch (c.op()) {
                    case IS_SET, IS_NOT_EMPTY -> 1;
                    case IS_NOT_SET, IS_EMPTY -> 2;
                    default -> 0;
                };
                if (bit != 0 && presence.merge(c.property(), bit, (a, b) -> a | b) == 3) {
                    warn(pointer, ALWAYS_MATCHES, c.property().qualified()
                            + " is either set or not set, so this any is always true");
                    return;
                }
            }
        }
    }

    private static String show(Object operand) {
        return operand instanceof BigDecimal n ? n.toPlainString() : String.valueOf(operand);
    }

    private void warn(String pointer, String code, String message) {
        warnings.add(new ConditionWarning(prefix + pointer, code, message));
    }
}
