package io.partnerportal.segments.domain.condition;

import com.google.re2j.Pattern;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The positive half of a compiled comparison: called only with a set value of the property's
 * Java type (see {@link PropertyTest#typed}). Operands are converted once at compile time.
 */
abstract class ValueTest {

    abstract boolean test(Object value, EvaluationContext ctx);

    /** Whether {@link #test} reads the context's day; otherwise the answer is a function of the value alone. */
    boolean readsToday() {
        return false;
    }

    /**
     * The points where the answer may change on a given day, when the answer is a function of the
     * value's place among them (equal to a point, or strictly between two neighbours); null when
     * it is not (text and set tests). Lets a batch answer all its comparisons of an ordered
     * property per place instead of per value ({@link PropertyAnswers}).
     */
    Comparable<?>[] boundaries(LocalDate today) {
        return null;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** is_set, is_not_empty (and, negated, their twins): being set is enough. */
    static final class IsSet extends ValueTest {
        private static final Comparable<?>[] NONE = new Comparable<?>[0];

        @Override
        boolean test(Object value, EvaluationContext ctx) {
            return true;
        }

        @Override
        Comparable<?>[] boundaries(LocalDate today) {
            return NONE;
        }
    }

    static final class IsBoolean extends ValueTest {
        private final Boolean expected;

        IsBoolean(boolean expected) {
            this.expected = expected;
        }

        @Override
        boolean test(Object value, EvaluationContext ctx) {
            return expected.equals(value);
        }
    }

    /** eq / in on strings, urls, users and enums: any of a set (lower-cased when ignoring case). */
    static final class TextIn extends ValueTest {
        private final Set<String> accepted;
        private final boolean ignoreCase;

        TextIn(Set<String> accepted, boolean ignoreCase) {
            this.accepted = accepted;
            this.ignoreCase = ignoreCase;
        }

        @Override
        boolean test(Object value, EvaluationContext ctx) {
            String s = (String) value;
            return accepted.contains(ignoreCase ? lower(s) : s);
        }
    }

    static final class TextContains extends ValueTest {
        private final String[] needles;
        private final boolean ignoreCase;

        TextContains(String[] needles, boolean ignoreCase) {
            this.needles = needles;
            this.ignoreCase = ignoreCase;
        }

        @Override
        boolean test(Object value, EvaluationContext ctx) {
            String s = ignoreCase ? lower((String) value) : (String) value;
            for (String needle : needles) {
                if (s.contains(needle)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class TextStartsWith extends ValueTest {
        private final String[] prefixes;
        private final boolean ignoreCase;

        TextStartsWith(String[] prefixes, boolean ignoreCase) {
            this.prefixes = prefixes;
            this.ignoreCase = ignoreCase;
        }

        @Override
        boolean test(Object value, EvaluationContext ctx) {
            String s = ignoreCase ? lower((String) value) : (String) value;
            for (String prefix : prefixes) {
                if (s.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class TextEndsWith extends ValueTest {
        private final String[] suffixes;
        private final boolean ignoreCase;

        TextEndsWith(String[] suffixes, boolean ignoreCase) {
            this.suffixes = suffixes;
            this.ignoreCase = ignoreCase;
        }

        @Override
        boolean test(Object value, EvaluationContext ctx) {
            String s = ignoreCase ? lower((String) value) : (String) value;
            for (String suffix : suffixes) {
                if (s.endsWith(suffix)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** matches: a match anywhere in the value (anchor with ^ and $ for a whole-value match). */
    static final class TextMatches extends ValueTest {
        private final Pattern[] patterns;

        TextMatches(Pattern[] patterns) {
            this.patterns = patterns;
        }

        @Override
        boolean test(Object value, EvaluationContext ctx) {
            String s = (String) value;
            for (Pattern pattern : patterns) {
                if (pattern.matcher(s).find()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** eq / in on numbers: binary search with compareTo, so 12 equals 12.0. */
    static final class NumberIn extends ValueTest {
        private final Comparable<?>[] sorted;

        NumberIn(Comparable<?>[] sorted) {
            this.sorted = sorted.clone();
            Arrays.sort(this.sorted);
        }

        @Override
        Comparable<?>[] boundaries(LocalDate today) {
            return sorted;
        }

        @Override
        boolean test(Object value, EvaluationContext ctx) {
            return Arrays.binarySearch(sorted, value) >= 0;
        }
    }

    /** An interval over numbers, dates or instants; a null bound is open. */
    static final class InRange extends ValueTest {
        private final Comparable<Object> low;
        private final boolean lowInclusive;
        private final Comparable<Object> high;
        private final boolean highInclusive;

        @SuppressWarnings("unchecked")
        InRange(Comparable<?> low, boolean lowInclusive, Comparable<?> high, boolean highInclusive) {
            this.low = (Comparable<Object>) low;
            this.lowInclusive = lowInclusive;
            this.high = (Comparable<Object>) high;
            this.highInclusive = highInclusive;
        }

        @Override
        Comparable<?>[] boundaries(LocalDate today) {
            return low == null ? (high == null ? IsSet.NONE : new Comparable<?>[] {high})
                    : high == null ? new Comparable<?>[] {low} : new Comparable<?>[] {low, high};
        }

        @Override
        boolean test(Object value, EvaluationContext ctx) {
            if (low != null) {
                int c = low.compareTo(value);
                if (c > 0 || (c == 0 && !lowInclusive)) {
                    return false;
                }
            }
            if (high != null) {
                int c = high.compareTo(value);
                return c > 0 || (c == 0 && highInclusive);
            }
            return true;
        }
    }

    /** Any of several intervals (eq with several dates). */
    static final class AnyRange extends ValueTest {
        private final InRange[] ranges;

        AnyRange(InRange[] ranges) {
            this.ranges = ranges;
        }

        @Override
        Comparable<?>[] boundaries(LocalDate today) {
            List<Comparable<?>> points = new ArrayList<>();
            for (InRange range : ranges) {
                points.addAll(Arrays.asList(range.boundaries(today)));
            }
            return points.toArray(Comparable<?>[]::new);
        }

        @Override
        boolean test(Object value, EvaluationContext ctx) {
            for (InRange range : ranges) {
                if (range.test(value, ctx)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * within_last / within_next / more_than_ago: an interval that moves with today. The interval is
     * computed once per day and cached (a benign race: two threads may compute the same window).
     */
    static final class Relative extends ValueTest {
        private final Function<LocalDate, InRange> windowFor;
        private volatile Window window;

        private record Window(LocalDate today, InRange range) {
        }

        Relative(Function<LocalDate, InRange> windowFor) {
            this.windowFor = windowFor;
        }

        @Override
        boolean test(Object value, EvaluationContext ctx) {
            return rangeFor(ctx.today()).test(value, ctx);
        }

        @Override
        boolean readsToday() {
            return true;
        }

        @Override
        Comparable<?>[] boundaries(LocalDate today) {
            Window current = window; // the cached window is left to test(): asking for another day must not evict it
            InRange range = current != null && current.today().equals(today) ? current.range() : windowFor.apply(today);
            return range.boundaries(today);
        }

        InRange rangeFor(LocalDate today) {
            Window current = window;
            if (current == null || !current.today().equals(today)) {
                current = new Window(today, windowFor.apply(today));
                window = current;
            }
            return current.range();
        }
    }

    /** contains_any on multi_enum: some key of the value is among the operands. */
    static final class ContainsAny extends ValueTest {
        private final Set<String> wanted;

        ContainsAny(Set<String> wanted) {
            this.wanted = wanted;
        }

        @Override
        boolean test(Object value, EvaluationContext ctx) {
            for (Object key : (Collection<?>) value) {
                if (wanted.contains(key)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** contains_all on multi_enum: every operand is a key of the value. */
    static final class ContainsAll extends ValueTest {
        private final String[] wanted;

        ContainsAll(String[] wanted) {
            this.wanted = wanted;
        }

        @Override
        boolean test(Object value, EvaluationContext ctx) {
            Collection<?> keys = (Collection<?>) value;
            for (String key : wanted) {
                if (!keys.contains(key)) {
                    return false;
                }
            }
            return true;
        }
    }
}
