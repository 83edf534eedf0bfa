package io.partnerportal.testsupport.dataset;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One property of the reference catalogue with the distribution of its values and a generator of
 * realistic condition leaves over it (operands drawn from the same distribution, so a segment's
 * selectivity is what an admin picking real values would get). Values come out in their JSON form,
 * exactly as the partners module stores them: dates {@code 2024-05-31}, datetimes
 * {@code 2024-05-31T10:15:30Z}, numbers, booleans, sorted option-key lists.
 */
public abstract class PropertyModel {

    /** partner or contact. */
    public final String level;
    public final String key;
    public final String label;
    /** The catalogue type: string, number, boolean, date, datetime, enum, multi_enum, user, url. */
    public final String type;
    /** crm or portal (system and built-in properties are not added through the API). */
    public final String source;
    /** Already in the catalogue (a built-in or system property); system ones are columns, not JSON values. */
    public final boolean builtIn;
    public final boolean system;
    /** Probability that a record has a value. */
    public final double fill;

    PropertyModel(String level, String key, String label, String type, String source, boolean builtIn,
                  boolean system, double fill) {
        this.level = level;
        this.key = key;
        this.label = label;
        this.type = type;
        this.source = source;
        this.builtIn = builtIn;
        this.system = system;
        this.fill = fill;
    }

    public String qualified() {
        return level + "." + key;
    }

    /** A value of the distribution (never null), JSON form. */
    public abstract Object sample(SplittableRandom r, LocalDate anchor);

    /** A record's value: null (unset) with probability 1 − fill. */
    public Object value(SplittableRandom r, LocalDate anchor) {
        return r.nextDouble() < fill ? sample(r, anchor) : null;
    }

    /** A comparison node over this property, as an admin would write it. */
    public abstract Map<String, Object> leaf(SplittableRandom r, LocalDate anchor);

    /** The body of {@code POST /api/admin/properties} that adds this property. */
    public Map<String, Object> definition() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", level);
        body.put("key", key);
        body.put("label", label);
        body.put("type", type);
        body.put("source", source);
        return body;
    }

    Map<String, Object> node(String op, Object value, Object values) {
        Map<String, Object> leaf = new LinkedHashMap<>();
        leaf.put("property", qualified());
        leaf.put("op", op);
        if (value != null) {
            leaf.put("value", value);
        }
        if (values != null) {
            leaf.put("values", values);
        }
        return leaf;
    }

    static int pick(SplittableRandom r, double[] cumulative) {
        double x = r.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }

    /** Zipf-like weights 1, 1/2^s, 1/3^s, ... for n options. */
    static double[] zipf(int n, double s) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 / Math.pow(i + 1, s);
        }
        return w;
    }

    // ------------------------------------------------------------------ enum and multi_enum

    /** An enum: option keys with weights. */
    static final class Choice extends PropertyModel {
        final List<String> options;
        final double[] cumulative;

        Choice(String level, String key, String label, String source, boolean builtIn, boolean system, double fill,
               List<String> options, double[] weights) {
            super(level, key, label, "enum", source, builtIn, system, fill);
            this.options = options;
            this.cumulative = cumulative(weights);
        }

        @Override
        public Object sample(SplittableRandom r, LocalDate anchor) {
            return options.get(pick(r, cumulative));
        }

        @Override
        public Map<String, Object> leaf(SplittableRandom r, LocalDate anchor) {
            double x = r.nextDouble();
            if (x < 0.9) {
                return node("in", null, distinct(r, r.nextDouble() < 0.7 ? 1 : 2));
            }
            if (x < 0.96) {
                return node("not_in", null, distinct(r, 1));
            }
            return node("is_set", null, null);
        }

        List<String> distinct(SplittableRandom r, int n) {
            TreeSet<String> chosen = new TreeSet<>();
            while (chosen.size() < Math.min(n, options.size())) {
                chosen.add(options.get(r.nextInt(options.size())));
            }
            return new ArrayList<>(chosen);
        }

        @Override
        public Map<String, Object> definition() {
            Map<String, Object> body = super.definition();
            body.put("options", optionList(options));
            return body;
        }
    }

    /** A multi_enum: each option independently present with its own probability (at least one when set). */
    static final class Choices extends PropertyModel {
        final List<String> options;
        final double[] probabilities;

        Choices(String level, String key, String label, String source, double fill, List<String> options,
                double[] probabilities) {
            super(level, key, label, "multi_enum", source, false, false, fill);
            this.options = options;
            this.probabilities = probabilities;
        }

        @Override
        public Object sample(SplittableRandom r, LocalDate anchor) {
            TreeSet<String> chosen = new TreeSet<>();
            for (int i = 0; i < options.size(); i++) {
                if (r.nextDouble() < probabilities[i]) {
                    chosen.add(options.get(i));
                }
            }
            if (chosen.isEmpty()) {
                chosen.add(options.get(r.nextInt(options.size())));
            }
            return new ArrayList<>(chosen);
        }

        @Override
        public Map<String, Object> leaf(SplittableRandom r, LocalDate anchor) {
            double x = r.nextDouble();
            if (x < 0.75) {
                return node("contains_any", null, distinct(r, r.nextDouble() < 0.7 ? 1 : 2));
            }
            if (x < 0.88) {
                return node("contains_all", null, distinct(r, 2));
            }
            if (x < 0.96) {
                return node("contains_none", null, distinct(r, 1));
            }
            return node("is_not_empty", null, null);
        }

        List<String> distinct(SplittableRandom r, int n) {
            TreeSet<String> chosen = new TreeSet<>();
            while (chosen.size() < Math.min(n, options.size())) {
                chosen.add(options.get(r.nextInt(options.size())));
            }
            return new ArrayList<>(chosen);
        }

        @Override
        public Map<String, Object> definition() {
            Map<String, Object> body = super.definition();
            body.put("options", optionList(options));
            return body;
        }
    }

    static List<Map<String, Object>> optionList(List<String> keys) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String k : keys) {
            String label = Character.toUpperCase(k.charAt(0)) + k.substring(1).replace('_', ' ');
            list.add(Map.of("key", k, "label", label));
        }
        return list;
    }

    // ------------------------------------------------------------------ number and boolean

    /** A number drawn by a sampler (integers or two-decimal amounts). */
    static final class Amount extends PropertyModel {
        final Function<SplittableRandom, Number> sampler;

        Amount(String level, String key, String label, String source, double fill,
               Function<SplittableRandom, Number> sampler) {
            super(level, key, label, "number", source, false, false, fill);
            this.sampler = sampler;
        }

        @Override
        public Object sample(SplittableRandom r, LocalDate anchor) {
            return sampler.apply(r);
        }

        @Override
        public Map<String, Object> leaf(SplittableRandom r, LocalDate anchor) {
            double x = r.nextDouble();
            Number a = sampler.apply(r);
            if (x < 0.35) {
                return node("gt", a, null);
            }
            if (x < 0.55) {
                return node("lt", a, null);
            }
            if (x < 0.65) {
                return node("gte", a, null);
            }
            if (x < 0.85) {
                Number b = sampler.apply(r);
                boolean ascending = a.doubleValue() <= b.doubleValue();
                return node("between", null, ascending ? List.of(a, b) : List.of(b, a));
            }
            if (x < 0.96) {
                return node("eq", a, null);
            }
            return node("is_set", null, null);
        }

        /** Log-normal integers with the given median (at least {@code min}). */
        static Function<SplittableRandom, Number> logNormalInt(double median, double sigma, long min) {
            return r -> Math.max(min, Math.round(median * Math.exp(sigma * gaussian(r))));
        }

        /** Log-normal amounts with two decimals. */
        static Function<SplittableRandom, Number> logNormalAmount(double median, double sigma) {
            return r -> java.math.BigDecimal.valueOf(Math.round(median * Math.exp(sigma * gaussian(r)) * 100), 2);
        }

        /** Skewed small counts: most records near zero, a long tail up to {@code max}. */
        static Function<SplittableRandom, Number> skewedCount(int max, double shape) {
            return r -> (long) Math.floor(max * Math.pow(r.nextDouble(), shape));
        }

        static Function<SplittableRandom, Number> uniformInt(int lo, int hi) {
            return r -> (long) (lo + r.nextInt(hi - lo + 1));
        }
    }

    static final class Flag extends PropertyModel {
        final double pTrue;

        Flag(String level, String key, String label, String source, boolean builtIn, double fill, double pTrue) {
            super(level, key, label, "boolean", source, builtIn, false, fill);
            this.pTrue = pTrue;
        }

        @Override
        public Object sample(SplittableRandom r, LocalDate anchor) {
            return r.nextDouble() < pTrue;
        }

        @Override
        public Map<String, Object> leaf(SplittableRandom r, LocalDate anchor) {
            double x = r.nextDouble();
            return node(x < 0.7 ? "is_true" : x < 0.95 ? "is_false" : "is_set", null, null);
        }
    }

    // ------------------------------------------------------------------ dates

    /** A date or datetime between {@code anchor − pastDays} and {@code anchor + futureDays}, skewed to recent. */
    static final class Moment extends PropertyModel {
        final int pastDays;
        final int futureDays;
        final double recentSkew;

        Moment(String level, String key, String label, String type, String source, boolean builtIn, boolean system,
               double fill, int pastDays, int futureDays, double recentSkew) {
            super(level, key, label, type, source, builtIn, system, fill);
            this.pastDays = pastDays;
            this.futureDays = futureDays;
            this.recentSkew = recentSkew;
        }

        /** Days relative to the anchor (negative: past). */
        long offsetDays(SplittableRandom r) {
            int span = pastDays + futureDays;
            long fromEnd = (long) Math.floor(span * Math.pow(r.nextDouble(), recentSkew));
            return futureDays - fromEnd;
        }

        @Override
        public Object sample(SplittableRandom r, LocalDate anchor) {
            LocalDate day = anchor.plusDays(offsetDays(r));
            if ("date".equals(type)) {
                return day.toString();
            }
            return day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(r.nextInt(86_400)).toString();
        }

        /** The sampled day as an operand (dates compare by whole UTC days, also against datetimes). */
        String day(SplittableRandom r, LocalDate anchor) {
            return anchor.plusDays(offsetDays(r)).toString();
        }

        @Override
        public Map<String, Object> leaf(SplittableRandom r, LocalDate anchor) {
            double x = r.nextDouble();
            if (futureDays > pastDays && x < 0.3) {
                return relative("within_next", r);
            }
            if (x < 0.3) {
                return relative("within_last", r);
            }
            if (x < 0.5) {
                return node("after", day(r, anchor), null);
            }
            if (x < 0.65) {
                return node("before", day(r, anchor), null);
            }
            if (x < 0.8) {
                return relative("more_than_ago", r);
            }
            if (x < 0.96) {
                String a = day(r, anchor);
                String b = day(r, anchor);
                return node("between", null, a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a));
            }
            return node("is_set", null, null);
        }

        private Map<String, Object> relative(String op, SplittableRandom r) {
            Map<String, Object> leaf;
            if (r.nextBoolean()) {
                int[] days = {7, 30, 90, 180, 365};
                leaf = node(op, days[r.nextInt(days.length)], null);
                leaf.put("unit", "days");
            } else {
                int[] months = {1, 3, 6, 12, 24};
                leaf = node(op, months[r.nextInt(months.length)], null);
                leaf.put("unit", "months");
            }
            return leaf;
        }
    }

    // ------------------------------------------------------------------ text

    /** string, url or user values drawn from a sampler; leaves use prefixes and values of samples. */
    static final class Text extends PropertyModel {
        final Function<SplittableRandom, String> sampler;

        Text(String level, String key, String label, String type, String source, boolean builtIn, boolean system,
             double fill, Function<SplittableRandom, String> sampler) {
            super(level, key, label, type, source, builtIn, system, fill);
            this.sampler = sampler;
        }

        @Override
        public Object sample(SplittableRandom r, LocalDate anchor) {
            return sampler.apply(r);
        }

        @Override
        public Map<String, Object> leaf(SplittableRandom r, LocalDate anchor) {
            double x = r.nextDouble();
            String s = sampler.apply(r);
            switch (type) {
                case "user" -> {
                    if (x < 0.6) {
                        TreeSet<String> users = new TreeSet<>();
                        int n = 1 + r.nextInt(3);
                        for (int i = 0; i < n; i++) {
                            users.add(sampler.apply(r));
                        }
                        return node("in", null, new ArrayList<>(users));
                    }
                    return x < 0.95 ? node("eq", s, null) : node("is_set", null, null);
                }
                case "url" -> {
                    if (x < 0.4) {
                        String host = s.replaceFirst("^https?://", "");
                        return node("contains", host.substring(0, Math.min(host.length(), 3 + r.nextInt(3))), null);
                    }
                    return x < 0.6 ? node("starts_with", "https://", null) : node("is_set", null, null);
                }
                default -> {
                    if (x < 0.4) {
                        TreeSet<String> values = new TreeSet<>();
                        values.add(s);
                        if (r.nextBoolean()) {
                            values.add(sampler.apply(r));
                        }
                        return node("in", null, new ArrayList<>(values));
                    }
                    if (x < 0.65) {
                        Map<String, Object> leaf = node("starts_with", s.substring(0, Math.min(s.length(),
                                1 + r.nextInt(3))), null);
                        if (r.nextBoolean()) {
                            leaf.put("ignoreCase", true);
                        }
                        return leaf;
                    }
                    if (x < 0.8) {
                        int from = r.nextInt(Math.max(1, s.length() - 2));
                        Map<String, Object> leaf = node("contains", s.substring(from, Math.min(s.length(), from + 3)),
                                null);
                        leaf.put("ignoreCase", true);
                        return leaf;
                    }
                    if (x < 0.85) {
                        return node("ends_with", s.substring(Math.max(0, s.length() - 3)), null);
                    }
                    if (x < 0.92) {
                        char c = (char) ('A' + r.nextInt(20));
                        return node("matches", "^[" + c + "-" + (char) (c + 2) + "]", null);
                    }
                    if (x < 0.96) {
                        return node("neq", s, null);
                    }
                    return node("is_set", null, null);
                }
            }
        }
    }

    static double gaussian(SplittableRandom r) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
