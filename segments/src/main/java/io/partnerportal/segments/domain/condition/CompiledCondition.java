package io.partnerportal.segments.domain.condition;

import com.google.re2j.Pattern;
import io.partnerportal.segments.domain.SegmentLevel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A validated condition turned into a tree of small evaluators, once per segment version:
 * regexes compiled, operands converted (numbers to BigDecimal, dates to LocalDate / Instant
 * bounds, lower-cased when ignoring case), option lists as hash sets. {@link #matches} then reads
 * typed values and never touches JSON, compiles a regex or streams.
 *
 * <p>Semantics decided here beyond the contract (also in docs/conformance.md):
 * <ul>
 *   <li>Text ({@code string}, {@code url}) compares exactly as stored: no trimming, no URL
 *       normalisation; {@code contains} on a url is a substring test. {@code ignoreCase} compares
 *       {@code toLowerCase(Locale.ROOT)} of both sides. {@code matches} finds the regex anywhere
 *       (RE2 syntax, linear time); anchor it for a whole-value match.</li>
 *   <li>A date-only operand against a datetime property is the whole UTC day: {@code eq} = within
 *       that day, {@code before} = before the day starts, {@code after} = after the day ends,
 *       {@code between [d1, d2]} = from the start of d1 to the end of d2.</li>
 *   <li>Relative dates work on UTC days, inclusive of today: {@code within_last N} = from
 *       today − N to today, {@code within_next N} = from today to today + N, {@code more_than_ago N}
 *       = strictly before today − N. Months are calendar months ({@code within_last 1 months} on
 *       2026-03-31 starts at 2026-02-28).</li>
 *   <li>{@code in_segment}: membership of the partner for a partner-level segment, of the contact
 *       (the iterated one inside any_contact / all_contacts) for a contact-level one.</li>
 * </ul>
 */
public final class CompiledCondition {

    private final Condition condition;
    private final Evaluator root;
    private final boolean ownValuesOnly;

    private CompiledCondition(Condition condition, Evaluator root) {
        this.condition = condition;
        this.root = root;
        this.ownValuesOnly = readsOwnValuesOnly(condition.root());
    }

    /**
     * Compiles a condition that {@link ConditionValidator} accepted. The level of each referenced
     * segment is not known here, so in_segment asks both membership questions (a segment has members
     * of one level only); prefer {@link #compile(Condition, SegmentLevel, PropertySpecs, SegmentRefs)}.
     *
     * @throws IllegalArgumentException if the condition does not fit the catalogue
     */
    public static CompiledCondition compile(Condition condition, SegmentLevel level, PropertySpecs specs) {
        return compile(condition, level, specs, null);
    }

    /** Compiles with the levels of referenced segments known, so in_segment asks exactly one question. */
    public static CompiledCondition compile(Condition condition, SegmentLevel level, PropertySpecs specs,
                                            SegmentRefs segments) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(specs, "specs");
        return new CompiledCondition(condition, new Compiler(level, specs, segments).compile(condition.root(), "", false));
    }

    /**
     * Whether the record belongs to the segment.
     *
     * @param partner the partner (for a contact-level segment: the contact's partner)
     * @param contact the contact for a contact-level segment; null for a partner-level one
     */
    public boolean matches(Values partner, Values contact, EvaluationContext ctx) {
        return root.test(partner, contact, ctx);
    }

    /**
     * The same decision as {@link #matches} for every record of a population at once (one pass over
     * each property column the condition reads): bits over partner ordinals for a partner-level
     * condition, over contact ordinals for a contact-level one.
     */
    public long[] select(SegmentLevel level, Population population) {
        return root.select(population, level == SegmentLevel.CONTACT);
    }

    /** The compiled tree (for {@link ConditionBatch}). */
    Evaluator root() {
        return root;
    }

    /**
     * Whether a record's decision depends on its own property values only (for a contact: its own and
     * its partner's) — no {@code in_segment}, no {@code any_contact} / {@code all_contacts}. Such a
     * condition gives the same answers when {@link #select} runs over a population of just some records.
     */
    public boolean readsOwnValuesOnly() {
        return ownValuesOnly;
    }

    private static boolean readsOwnValuesOnly(ConditionNode node) {
        return node.match(new ConditionNode.Cases<>() {
            @Override
            public Boolean all(All all) {
                return all.children().stream().allMatch(CompiledCondition::readsOwnValuesOnly);
            }

            @Override
            public Boolean any(Any any) {
                return any.children().stream().allMatch(CompiledCondition::readsOwnValuesOnly);
            }

            @Override
            public Boolean not(Not not) {
                return readsOwnValuesOnly(not.child());
            }

            @Override
            public Boolean comparison(Comparison comparison) {
                return true;
            }

            @Override
            public Boolean inSegment(InSegment inSegment) {
                return false;
            }

            @Override
            public Boolean anyContact(AnyContact anyContact) {
                return false;
            }

            @Override
            public Boolean allContacts(AllContacts allContacts) {
                return false;
            }
        });
    }

    /** The same decision as {@link #matches}, with the reasons. */
    public Explanation explain(Values partner, Values contact, EvaluationContext ctx) {
        ExplainedNode node = root.explain(partner, contact, ctx);
        return new Explanation(node.result(), node);
    }

    /** The properties the condition reads; a change to any other property cannot change membership. */
    public Set<PropertyRef> reads() {
        return condition.readProperties();
    }

    public Condition condition() {
        return condition;
    }

    private static final class Compiler {
        private final SegmentLevel level;
        private final PropertySpecs specs;
        private final SegmentRefs segments;

        Compiler(SegmentLevel level, PropertySpecs specs, SegmentRefs segments) {
            this.level = level;
            this.specs = specs;
            this.segments = segments;
        }

        Evaluator compile(ConditionNode node, String pointer, boolean inContactScope) {
            return node.match(new ConditionNode.Cases<>() {
                @Override
                public Evaluator all(All all) {
                    return new Evaluator.AllOf(pointer, children(all.children(), pointer + "/all/", inContactScope));
                }

                @Override
                public Evaluator any(Any any) {
                    return new Evaluator.AnyOf(pointer, children(any.children(), pointer + "/any/", inContactScope));
                }

                @Override
                public Evaluator not(Not not) {
                    return new Evaluator.NotOf(pointer, compile(not.child(), pointer + "/not", inContactScope));
                }

                @Override
                public Evaluator comparison(Comparison comparison) {
                    return property(comparison, pointer);
                }

                @Override
                public Evaluator inSegment(InSegment s) {
                    return new Evaluator.SegmentTest(pointer, s.segmentId(), s.negated(), membership(s.segmentId(), inContactScope));
                }

                @Override
                public Evaluator anyContact(AnyContact a) {
                    return new Evaluator.ContactScope(pointer, false, compile(a.where(), pointer + "/where", true));
                }

                @Override
                public Evaluator allContacts(AllContacts a) {
                    return new Evaluator.ContactScope(pointer, true, compile(a.where(), pointer + "/where", true));
                }
            });
        }

        private Evaluator[] children(List<ConditionNode> nodes, String prefix, boolean inContactScope) {
            Evaluator[] compiled = new Evaluator[nodes.size()];
            for (int i = 0; i < compiled.length; i++) {
                compiled[i] = compile(nodes.get(i), prefix + i, inContactScope);
            }
            return compiled;
        }

        private Evaluator.Membership membership(String segmentId, boolean inContactScope) {
            SegmentLevel referenced = segments == null ? null : segments.levelOf(segmentId).orElse(null);
            if (referenced != null) {
                return referenced == SegmentLevel.PARTNER ? Evaluator.Membership.PARTNER : Evaluator.Membership.CONTACT;
            }
            // outside any_contact a valid partner-level condition can only test partner-level segments
            return level == SegmentLevel.PARTNER && !inContactScope ? Evaluator.Membership.PARTNER
                    : Evaluator.Membership.EITHER;
        }

        private Evaluator property(Comparison c, String pointer) {
            PropertySpec spec = specs.find(c.property()).orElseThrow(
                    () -> new IllegalArgumentException("no property " + c.property().qualified() + "; validate first"));
            ValueType type = spec.type();
            if (!Operator.allowedFor(type).contains(c.op())) {
                throw new IllegalArgumentException(c.op().jsonName() + " does not apply to " + type.jsonName());
            }
            Operator positiveOp = c.op().positiveTwin().orElse(c.op());
            return new PropertyTest(pointer, c, type, positive(positiveOp, c, type));
        }

        private ValueTest positive(Operator op, Comparison c, ValueType type) {
            boolean ignoreCase = c.ignoreCase() && type.isText();
            List<Object> operands = c.operands();
            return switch (op) {
                case IS_SET, IS_NOT_EMPTY -> new ValueTest.IsSet();
                case IS_TRUE -> new ValueTest.IsBoolean(true);
                case IS_FALSE -> new ValueTest.IsBoolean(false);
                case EQ, IN -> switch (type) {
                    case NUMBER -> new ValueTest.NumberIn(numbers(operands));
                    case DATE, DATETIME -> equalTime(operands, type);
                    default -> new ValueTest.TextIn(texts(operands, ignoreCase), ignoreCase);
                };
                case CONTAINS -> new ValueTest.TextContains(textArray(operands, ignoreCase), ignoreCase);
                case STARTS_WITH -> new ValueTest.TextStartsWith(textArray(operands, ignoreCase), ignoreCase);
                case ENDS_WITH -> new ValueTest.TextEndsWith(textArray(operands, ignoreCase), ignoreCase);
                case MATCHES -> new ValueTest.TextMatches(patterns(operands, ignoreCase));
                case LT -> new ValueTest.InRange(null, false, number(operands.get(0)), false);
                case LTE -> new ValueTest.InRange(null, false, number(operands.get(0)), true);
                case GT -> new ValueTest.InRange(number(operands.get(0)), false, null, false);
                case GTE -> new ValueTest.InRange(number(operands.get(0)), true, null, false);
                case BETWEEN -> type == ValueType.NUMBER
                        ? new ValueTest.InRange(number(operands.get(0)), true, number(operands.get(1)), true)
                        : timeBetween(time(operands.get(0), type), time(operands.get(1), type), type);
                case BEFORE -> before(time(operands.get(0), type), type);
                case AFTER -> after(time(operands.get(0), type), type);
                case WITHIN_LAST, WITHIN_NEXT, MORE_THAN_AGO -> relative(op, c, type);
                case CONTAINS_ANY -> new ValueTest.ContainsAny(texts(operands, false));
                case CONTAINS_ALL -> new ValueTest.ContainsAll(textArray(operands, false));
                case NEQ, NOT_IN, NOT_CONTAINS, IS_NOT_SET, CONTAINS_NONE, IS_EMPTY ->
                        throw new IllegalStateException("negative operators compile as their positive twin");
            };
        }

        private static ValueTest equalTime(List<Object> operands, ValueType type) {
            ValueTest.InRange[] ranges = new ValueTest.InRange[operands.size()];
            for (int i = 0; i < ranges.length; i++) {
                TimeOperand t = time(operands.get(i), type);
                ranges[i] = type == ValueType.DATE ? new ValueTest.InRange(t.day(), true, t.day(), true)
                        : t.isDay() ? new ValueTest.InRange(t.start(), true, t.endExclusive(), false)
                        : new ValueTest.InRange(t.instant(), true, t.instant(), true);
            }
            return ranges.length == 1 ? ranges[0] : new ValueTest.AnyRange(ranges);
        }

        private static ValueTest before(TimeOperand t, ValueType type) {
            return new ValueTest.InRange(null, false, type == ValueType.DATE ? t.day() : t.start(), false);
        }

        private static ValueTest after(TimeOperand t, ValueType type) {
            if (type == ValueType.DATE) {
                return new ValueTest.InRange(t.day(), false, null, false);
            }
            return t.isDay() ? new ValueTest.InRange(t.endExclusive(), true, null, false)
                    : new ValueTest.InRange(t.instant(), false, null, false);
        }

        private static ValueTest timeBetween(TimeOperand lo, TimeOperand hi, ValueType type) {
            if (type == ValueType.DATE) {
                return new ValueTest.InRange(lo.day(), true, hi.day(), true);
            }
            return hi.isDay() ? new ValueTest.InRange(lo.start(), true, hi.endExclusive(), false)
                    : new ValueTest.InRange(lo.start(), true, hi.instant(), true);
        }

        private static ValueTest relative(Operator op, Comparison c, ValueType type) {
            long n = ((BigDecimal) c.operands().get(0)).longValueExact();
            DateUnit unit = c.unit();
            boolean days = type == ValueType.DATE;
            return new ValueTest.Relative(today -> switch (op) {
                case WITHIN_LAST -> days ? new ValueTest.InRange(unit.minus(today, n), true, today, true)
                        : new ValueTest.InRange(start(unit.minus(today, n)), true, start(today.plusDays(1)), false);
                case WITHIN_NEXT -> days ? new ValueTest.InRange(today, true, unit.plus(today, n), true)
                        : new ValueTest.InRange(start(today), true, start(unit.plus(today, n).plusDays(1)), false);
                case MORE_THAN_AGO -> new ValueTest.InRange(null, false,
                        days ? unit.minus(today, n) : start(unit.minus(today, n)), false);
                default -> throw new IllegalStateException(op + " is not relative");
            });
        }

        private static Instant start(LocalDate day) {
            return TimeOperand.startOfDay(day);
        }

        private static TimeOperand time(Object operand, ValueType type) {
            if (!(operand instanceof String s)) {
                throw new IllegalArgumentException("a date operand is a string: " + operand);
            }
            return TimeOperand.parse(s, type).orElseThrow(
                    () -> new IllegalArgumentException("not an ISO-8601 " + type.jsonName() + ": " + s));
        }

        private static BigDecimal number(Object operand) {
            if (!(operand instanceof BigDecimal n)) {
                throw new IllegalArgumentException("not a number: " + operand);
            }
            return n;
        }

        private static BigDecimal[] numbers(List<Object> operands) {
            BigDecimal[] numbers = new BigDecimal[operands.size()];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = number(operands.get(i));
            }
            return numbers;
        }

        private static Set<String> texts(List<Object> operands, boolean ignoreCase) {
            Set<String> texts = new HashSet<>();
            for (String s : textArray(operands, ignoreCase)) {
                texts.add(s);
            }
            return texts;
        }

        private static String[] textArray(List<Object> operands, boolean ignoreCase) {
            String[] texts = new String[operands.size()];
            for (int i = 0; i < texts.length; i++) {
                if (!(operands.get(i) instanceof String s)) {
                    throw new IllegalArgumentException("not a string: " + operands.get(i));
                }
                texts[i] = ignoreCase ? ValueTest.lower(s) : s;
            }
            return texts;
        }

        private static Pattern[] patterns(List<Object> operands, boolean ignoreCase) {
            String[] regexes = textArray(operands, false);
            Pattern[] patterns = new Pattern[regexes.length];
            for (int i = 0; i < regexes.length; i++) {
                patterns[i] = Pattern.compile(regexes[i], ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
            }
            return patterns;
        }
    }
}
