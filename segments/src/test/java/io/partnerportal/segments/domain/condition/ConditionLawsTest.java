package io.partnerportal.segments.domain.condition;

import io.partnerportal.segments.domain.SegmentLevel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.partnerportal.segments.domain.condition.ReferenceEvaluator.World;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random condition trees on random records: production agrees with the independent {@link
 * ReferenceEvaluator}, and the laws of the language hold.
 */
class ConditionLawsTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-31");

    /** The test catalogue, described independently of production types for the reference evaluator. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("partner.s", "string"), Map.entry("partner.u", "url"), Map.entry("partner.n", "number"),
            Map.entry("partner.b", "boolean"), Map.entry("partner.d", "date"), Map.entry("partner.t", "datetime"),
            Map.entry("partner.e", "enum"), Map.entry("partner.m", "multi_enum"), Map.entry("partner.usr", "user"),
            Map.entry("contact.email", "string"), Map.entry("contact.score", "number"), Map.entry("contact.role", "enum"),
            Map.entry("contact.last_login", "datetime"), Map.entry("contact.certified", "boolean"));
    private static final Map<String, List<String>> OPTIONS = Map.of(
            "partner.e", List.of("gold", "silver", "platinum"), "partner.m", List.of("x", "y", "z"),
            "contact.role", List.of("admin", "sales_rep", "viewer"));
    private static final Map<String, List<String>> OPERATORS = Map.of(
            "string", List.of("eq", "neq", "in", "not_in", "contains", "not_contains", "starts_with", "ends_with", "matches",
                    "is_set", "is_not_set"),
            "url", List.of("eq", "neq", "in", "not_in", "contains", "not_contains", "starts_with", "ends_with", "matches",
                    "is_set", "is_not_set"),
            "number", List.of("eq", "neq", "lt", "lte", "gt", "gte", "between", "in", "not_in", "is_set", "is_not_set"),
            "boolean", List.of("is_true", "is_false", "is_set", "is_not_set"),
            "date", List.of("eq", "before", "after", "between", "within_last", "within_next", "more_than_ago", "is_set",
                    "is_not_set"),
            "datetime", List.of("eq", "before", "after", "between", "within_last", "within_next", "more_than_ago", "is_set",
                    "is_not_set"),
            "enum", List.of("in", "not_in", "is_set", "is_not_set"),
            "multi_enum", List.of("contains_any", "contains_all", "contains_none", "is_empty", "is_not_empty"),
            "user", List.of("eq", "neq", "in", "not_in", "is_set", "is_not_set"));
    private static final Map<String, String> NEGATIVE_TWINS = Map.of("neq", "eq", "not_in", "in",
            "not_contains", "contains", "contains_none", "contains_any", "is_not_set", "is_set", "is_empty", "is_not_empty");
    private static final Map<String, String> SEGMENT_LEVELS = Map.of("P1", "partner", "C1", "contact");

    private static final List<String> TEXTS = List.of("abc", "ABC", "Abc", "xyz", "abcd", "a", "bca", "x y", "");
    private static final List<String> TEXT_OPERANDS = List.of("a", "abc", "AB", "bc", "x", "c", "ABC");
    private static final List<String> REGEXES = List.of("^a", "c$", "b+", "^abc$", "(?i)ab", "x|y", "^$", "[A-Z]");
    private static final List<String> NUMBERS = List.of("0", "1", "1.0", "2", "2.50", "10", "-3");
    private static final List<String> DAYS = List.of("2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02", "2026-03-24",
            "2026-03-30", "2026-03-31", "2026-04-01", "2026-04-10", "2026-04-30");
    /** Sorted by the first instant they cover, so any i ≤ j makes a valid between. */
    private static final List<String> DATE_OPERANDS = List.of("2026-02-28", "2026-03-01", "2026-03-31", "2026-04-01");
    private static final List<String> DATETIME_OPERANDS = List.of("2026-02-28", "2026-03-01", "2026-03-01T10:00:00Z",
            "2026-03-31", "2026-03-31T23:59:59Z", "2026-04-01");

    private final ReferenceEvaluator reference = new ReferenceEvaluator(TYPES, SEGMENT_LEVELS);
    private final SegmentRefs segments = SegmentRefs.of(Map.of("P1", SegmentLevel.PARTNER, "C1", SegmentLevel.CONTACT));

    // ---------- laws ----------

    @Property(tries = 1500)
    void partnerLevelAgreesWithTheReference(@ForAll("partnerConditions") Object json, @ForAll("worlds") World world) {
        CompiledCondition compiled = compile(json, SegmentLevel.PARTNER);

        boolean expected = reference.evaluate(json, world, null);
        Statistics.label("partner-level result").collect(expected);

        assertThat(compiled.matches(partner(world), null, context(world))).as("%s", json).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void contactLevelAgreesWithTheReference(@ForAll("contactConditions") Object json, @ForAll("worlds") World world) {
        CompiledCondition compiled = compile(json, SegmentLevel.CONTACT);
        Map<String, Object> contact = world.contacts().isEmpty() ? contactRecord("c9") : world.contacts().get(0);

        boolean expected = reference.evaluate(json, world, contact);
        Statistics.label("contact-level result").collect(expected);

        assertThat(compiled.matches(partner(world), values(contact), context(world))).as("%s", json).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void evaluatingEveryPartnerAtOnceAgreesWithOneAtATime(@ForAll("partnerConditions") Object json,
                                                          @ForAll("worlds") World world) {
        CompiledCondition compiled = compile(json, SegmentLevel.PARTNER);

        long[] selected = compiled.select(SegmentLevel.PARTNER, population(world));

        assertThat(Bits.test(selected, 0)).as("%s", json)
                .isEqualTo(compiled.matches(partner(world), null, context(world)));
        assertThat(selected[0] & ~1L).as("no record beyond the one partner").isZero();
    }

    @Property(tries = 1000)
    void evaluatingEveryContactAtOnceAgreesWithOneAtATime(@ForAll("contactConditions") Object json,
                                                          @ForAll("worlds") World world) {
        CompiledCondition compiled = compile(json, SegmentLevel.CONTACT);

        long[] selected = compiled.select(SegmentLevel.CONTACT, population(world));

        for (int i = 0; i < world.contacts().size(); i++) {
            assertThat(Bits.test(selected, i)).as("contact %d of %s", i, json)
                    .isEqualTo(compiled.matches(partner(world), values(world.contacts().get(i)), context(world)));
        }
        assertThat(selected[0] >>> world.contacts().size()).as("no record beyond the contacts").isZero();
    }

    @Property(tries = 600)
    void contactConditionsEvaluatedAsOneBatchAgreeWithEachAlone(
            @ForAll("contactConditionLists") List<Object> jsons, @ForAll("worlds") World world) {
        // every condition twice: the second copies are decided from comparisons the pass remembers
        List<CompiledCondition> compiled = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (Object json : jsons) {
                compiled.add(compile(json, SegmentLevel.CONTACT));
            }
        }
        // one batch for every contact: answers it remembers for one contact's values serve the next
        ConditionBatch batch = ConditionBatch.of(compiled);
        for (Map<String, Object> contact : world.contacts().isEmpty() ? List.of(contactRecord("c9")) : world.contacts()) {
            ConditionBatch.Pass pass = batch.over(partner(world), values(contact), context(world));
            for (int i = 0; i < compiled.size(); i++) {
                assertThat(pass.matches(i)).as("condition %d of %s for %s", i, jsons, contact.get("@id"))
                        .isEqualTo(compiled.get(i).matches(partner(world), values(contact), context(world)));
            }
        }
    }

    @Property(tries = 400)
    void inSegmentTestsAnsweredByReferenceNumberAgreeWithTheContext(
            @ForAll("contactConditionLists") List<Object> jsons, @ForAll("worlds") World world) {
        List<CompiledCondition> compiled = new ArrayList<>();
        for (Object json : jsons) {
            compiled.add(compile(json, SegmentLevel.CONTACT));
        }
        ConditionBatch batch = ConditionBatch.of(compiled);
        EvaluationContext ctx = context(world);
        Values partner = partner(world);
        ConditionBatch.Pass pass = batch.newPass(); // one pass reused contact after contact
        for (Map<String, Object> contact : world.contacts().isEmpty() ? List.of(contactRecord("c9")) : world.contacts()) {
            Values values = values(contact);
            // what a caller that resolved the references once answers: by number, never by segment id text
            boolean[] all = new boolean[compiled.size()];
            List<boolean[]> seenBeforeWalks = new ArrayList<>();
            ConditionBatch.Memberships byNumber = new ConditionBatch.Memberships() {
                @Override
                public boolean isMember(int reference) {
                    ConditionBatch.Reference r = batch.references().get(reference);
                    return r.asksPartner() && ctx.partnerIn(r.segmentId(), partner.id())
                            || r.asksContact() && ctx.contactIn(r.segmentId(), values.id());
                }

                @Override
                public void deciding(int condition) {
                    seenBeforeWalks.add(Arrays.copyOf(all, condition));
                }
            };
            pass.reset(partner, values, ctx, byNumber);
            for (int i = 0; i < compiled.size(); i++) {
                assertThat(pass.matches(i)).as("condition %d of %s for %s", i, jsons, contact.get("@id"))
                        .isEqualTo(compiled.get(i).matches(partner, values, ctx));
            }
            // all at once: the same answers, and those before a walked condition already final when it is walked
            pass.decideAll(all);
            for (int i = 0; i < compiled.size(); i++) {
                assertThat(all[i]).as("decideAll: condition %d of %s for %s", i, jsons, contact.get("@id"))
                        .isEqualTo(compiled.get(i).matches(partner, values, ctx));
            }
            for (boolean[] before : seenBeforeWalks) {
                assertThat(before).isEqualTo(Arrays.copyOf(all, before.length));
            }
        }
        assertThat(batch.references()).as("one reference per segment and membership asked about")
                .doesNotHaveDuplicates();
    }

    @Property(tries = 400)
    void partnerConditionsEvaluatedAsOneBatchAgreeWithEachAlone(
            @ForAll("partnerConditionLists") List<Object> jsons, @ForAll("worlds") World world) {
        List<CompiledCondition> compiled = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (Object json : jsons) {
                compiled.add(compile(json, SegmentLevel.PARTNER));
            }
        }
        ConditionBatch batch = ConditionBatch.of(compiled);
        ConditionBatch.Pass pass = batch.over(partner(world), null, context(world));
        for (int i = compiled.size() - 1; i >= 0; i--) {
            assertThat(pass.matches(i)).as("condition %d of %s", i, jsons)
                    .isEqualTo(compiled.get(i).matches(partner(world), null, context(world)));
        }
        assertThat(batch.size()).isEqualTo(compiled.size());
    }

    @Property(tries = 400)
    void selectionsAPopulationRemembersAgreeWithFreshOnes(@ForAll("contactConditionLists") List<Object> jsons,
                                                          @ForAll("worlds") World world) {
        Population plain = population(world);
        Map<Object, long[]> remembered = new java.util.HashMap<>();
        Population remembering = new Population() { // as RunRecords remembers: a copy kept, a copy handed out
            @Override
            public long[] selectOnce(Object key, java.util.function.Supplier<long[]> select) {
                long[] known = remembered.get(key);
                if (known == null) {
                    known = select.get();
                    remembered.put(key, known.clone());
                    return known;
                }
                return known.clone();
            }

            public long[] partners() { return plain.partners(); }
            public long[] contacts() { return plain.contacts(); }
            public int partnerOf(int contact) { return plain.partnerOf(contact); }
            public int[] contactsOf(int partner) { return plain.contactsOf(partner); }
            public Object[] partnerColumn(String key) { return plain.partnerColumn(key); }
            public Object[] contactColumn(String key) { return plain.contactColumn(key); }
            public long[] partnerMembers(String segmentId) { return plain.partnerMembers(segmentId); }
            public long[] contactMembers(String segmentId) { return plain.contactMembers(segmentId); }
            public LocalDate today() { return plain.today(); }
        };
        for (int round = 0; round < 2; round++) { // the second round is answered from what the first remembered
            for (Object json : jsons) {
                CompiledCondition compiled = compile(json, SegmentLevel.CONTACT);
                assertThat(compiled.select(SegmentLevel.CONTACT, remembering)).as("round %d of %s", round, json)
                        .isEqualTo(compiled.select(SegmentLevel.CONTACT, plain));
            }
        }
    }

    /** The world as columns: the partner is ordinal 0, its contacts 0..n-1. */
    private static Population population(World world) {
        int n = world.contacts().size();
        long[] partnerMembers = {world.partnerInP1() ? 1L : 0L};
        long[] contactMembers = {0L};
        for (int i = 0; i < n; i++) {
            if (world.contactsInC1().contains((String) world.contacts().get(i).get("@id"))) {
                contactMembers[0] |= 1L << i;
            }
        }
        long contacts = n == 0 ? 0L : (1L << n) - 1;
        return new Population() {
            @Override
            public long[] partners() {
                return new long[]{1L};
            }

            @Override
            public long[] contacts() {
                return new long[]{contacts};
            }

            @Override
            public int partnerOf(int contact) {
                return 0;
            }

            @Override
            public int[] contactsOf(int partner) {
                return java.util.stream.IntStream.range(0, n).toArray();
            }

            @Override
            public Object[] partnerColumn(String key) {
                return new Object[]{world.partner().get(key)};
            }

            @Override
            public Object[] contactColumn(String key) {
                Object[] column = new Object[n];
                for (int i = 0; i < n; i++) {
                    column[i] = world.contacts().get(i).get(key);
                }
                return column;
            }

            @Override
            public long[] partnerMembers(String segmentId) {
                return segmentId.equals("P1") ? partnerMembers : null;
            }

            @Override
            public long[] contactMembers(String segmentId) {
                return segmentId.equals("C1") ? contactMembers : null;
            }

            @Override
            public LocalDate today() {
                return world.today();
            }
        };
    }

    @Property(tries = 500)
    void doubleNegationIsIdentity(@ForAll("partnerConditions") Object json, @ForAll("worlds") World world) {
        assertThat(evaluate(object("not", object("not", json)), world)).isEqualTo(evaluate(json, world));
    }

    @Property(tries = 500)
    void deMorgan(@ForAll("partnerConditions") Object a, @ForAll("partnerConditions") Object b,
                  @ForAll("worlds") World world) {
        assertThat(evaluate(object("not", object("all", List.of(a, b))), world))
                .isEqualTo(evaluate(object("any", List.of(object("not", a), object("not", b))), world));
        assertThat(evaluate(object("not", object("any", List.of(a, b))), world))
                .isEqualTo(evaluate(object("all", List.of(object("not", a), object("not", b))), world));
    }

    @Property(tries = 1000)
    void everyNegativeOperatorNegatesItsPositiveTwin(@ForAll("negativeLeaves") Map<String, Object> negative,
                                                     @ForAll("worlds") World world) {
        Map<String, Object> positive = new LinkedHashMap<>(negative);
        positive.put("op", NEGATIVE_TWINS.get((String) negative.get("op")));
        Object notInSegment = object("op", "not_in_segment");
        ((Map<String, Object>) notInSegment).put("segment", "P1");
        Object inSegment = object("op", "in_segment");
        ((Map<String, Object>) inSegment).put("segment", "P1");

        assertThat(evaluate(negative, world)).isEqualTo(!evaluate(positive, world));
        assertThat(evaluate(notInSegment, world)).isEqualTo(!evaluate(inSegment, world));
    }

    @Property(tries = 800)
    void anExplanationAgreesWithMatches(@ForAll("partnerConditions") Object json, @ForAll("worlds") World world) {
        CompiledCondition compiled = compile(json, SegmentLevel.PARTNER);

        Explanation explanation = compiled.explain(partner(world), null, context(world));

        assertThat(explanation.result()).isEqualTo(compiled.matches(partner(world), null, context(world)));
        assertThat(explanation.root().result()).isEqualTo(explanation.result());
        assertThat(explanation.root().evaluated()).isTrue();
    }

    @Property(tries = 800)
    void theCanonicalJsonParsesBackToAnEqualCondition(@ForAll("partnerConditions") Object json) {
        Condition condition = ConditionParser.parse(json, "").condition();

        Object canonical = condition.toJson();

        assertThat(ConditionParser.parse(canonical, "").condition()).isEqualTo(condition);
        assertThat(ConditionParser.parse(canonical, "").condition().toJson()).isEqualTo(canonical);
    }

    // ---------- evaluation plumbing ----------

    private boolean evaluate(Object json, World world) {
        return compile(json, SegmentLevel.PARTNER).matches(partner(world), null, context(world));
    }

    private CompiledCondition compile(Object json, SegmentLevel level) {
        ParseResult parsed = ConditionParser.parse(json, "");
        assertThat(parsed.errors()).as("generated %s", json).isEmpty();
        assertThat(ConditionValidator.validate(parsed.condition(), level, Fixtures.catalogue(), segments, ""))
                .as("generated %s", json).isEmpty();
        return CompiledCondition.compile(parsed.condition(), level, Fixtures.catalogue(), segments);
    }

    private static Values partner(World world) {
        return values(world.partner());
    }

    private static Values values(Map<String, Object> record) {
        return new Values() {
            @Override
            public String id() {
                return (String) record.get("@id");
            }

            @Override
            public Object value(String key) {
                return record.get(key);
            }
        };
    }

    private static EvaluationContext context(World world) {
        List<Values> contacts = new ArrayList<>();
        for (Map<String, Object> contact : world.contacts()) {
            contacts.add(values(contact));
        }
        return new EvaluationContext() {
            @Override
            public LocalDate today() {
                return world.today();
            }

            @Override
            public Iterable<? extends Values> contactsOf(String partnerId) {
                return partnerId.equals(world.partner().get("@id")) ? contacts : List.of();
            }

            @Override
            public boolean partnerIn(String segmentId, String partnerId) {
                return segmentId.equals("P1") && world.partnerInP1() && partnerId.equals(world.partner().get("@id"));
            }

            @Override
            public boolean contactIn(String segmentId, String contactId) {
                return segmentId.equals("C1") && world.contactsInC1().contains(contactId);
            }
        };
    }

    static Map<String, Object> object(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    // ---------- generators ----------

    @Provide
    Arbitrary<Object> partnerConditions() {
        return node(0, SegmentLevel.PARTNER, false);
    }

    @Provide
    Arbitrary<Object> contactConditions() {
        return node(0, SegmentLevel.CONTACT, false);
    }

    /** A few conditions, some sharing comparisons (a small pool of leaves is reused across them). */
    @Provide
    Arbitrary<List<Object>> contactConditionLists() {
        return contactConditions().list().ofMinSize(1).ofMaxSize(5).flatMap(this::withSharedLeaves);
    }

    @Provide
    Arbitrary<List<Object>> partnerConditionLists() {
        return partnerConditions().list().ofMinSize(1).ofMaxSize(5);
    }

    /** The conditions, and each again under an all with the first condition's tree in front. */
    private Arbitrary<List<Object>> withSharedLeaves(List<Object> conditions) {
        List<Object> out = new ArrayList<>(conditions);
        for (Object c : conditions) {
            out.add(object("all", List.of(conditions.get(0), c)));
            out.add(object("any", List.of(c, conditions.get(conditions.size() - 1))));
        }
        return Arbitraries.just(out);
    }

    @Provide
    Arbitrary<Map<String, Object>> negativeLeaves() {
        return Arbitraries.of(TYPES.keySet().stream().filter(p -> p.startsWith("partner.")).sorted().toList())
                .flatMap(property -> Arbitraries.of(OPERATORS.get(TYPES.get(property)).stream()
                                .filter(NEGATIVE_TWINS::containsKey).toList())
                        .flatMap(op -> comparison(property, op)));
    }

    private Arbitrary<Object> node(int depth, SegmentLevel level, boolean inContactScope) {
        Arbitrary<Object> leaf = leaf(level, inContactScope);
        if (depth >= 4) {
            return leaf;
        }
        Arbitrary<Object> child = Arbitraries.lazy(() -> node(depth + 1, level, inContactScope));
        List<Tuple.Tuple2<Integer, Arbitrary<? extends Object>>> choices = new ArrayList<>(List.of(
                Tuple.of(6, leaf),
                Tuple.of(2, child.list().ofMinSize(1).ofMaxSize(3).map(children -> object("all", children))),
                Tuple.of(2, child.list().ofMinSize(1).ofMaxSize(3).map(children -> object("any", children))),
                Tuple.of(1, child.map(inner -> object("not", inner)))));
        if (level == SegmentLevel.PARTNER && !inContactScope) {
            Arbitrary<Object> where = Arbitraries.lazy(() -> node(depth + 1, level, true));
            choices.add(Tuple.of(1, where.map(w -> contactScope("any_contact", w))));
            choices.add(Tuple.of(1, where.map(w -> contactScope("all_contacts", w))));
        }
        return Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
    }

    private static Object contactScope(String op, Object where) {
        Map<String, Object> node = object("op", op);
        node.put("where", where);
        return node;
    }

    private Arbitrary<Object> leaf(SegmentLevel level, boolean inContactScope) {
        boolean contactsReadable = level == SegmentLevel.CONTACT || inContactScope;
        List<String> properties = TYPES.keySet().stream()
                .filter(p -> p.startsWith("partner.") || contactsReadable).sorted().toList();
        List<String> segmentIds = contactsReadable ? List.of("P1", "C1") : List.of("P1");
        Arbitrary<Object> comparison = Arbitraries.of(properties).flatMap(property ->
                Arbitraries.of(OPERATORS.get(TYPES.get(property))).flatMap(op -> comparison(property, op).map(n -> (Object) n)));
        Arbitrary<Object> segment = Combinators.combine(Arbitraries.of(segmentIds), Arbitraries.of(true, false))
                .as((id, negated) -> {
                    Map<String, Object> node = object("op", negated ? "not_in_segment" : "in_segment");
                    node.put("segment", id);
                    return node;
                });
        return Arbitraries.frequencyOf(Tuple.of(9, comparison), Tuple.of(1, segment));
    }

    private Arbitrary<Map<String, Object>> comparison(String property, String op) {
        String type = TYPES.get(property);
        Map<String, Object> base = object("property", property);
        base.put("op", op);
        switch (op) {
            case "is_set", "is_not_set", "is_true", "is_false", "is_empty", "is_not_empty" -> {
                return Arbitraries.just(base);
            }
            case "within_last", "within_next", "more_than_ago" -> {
                return Combinators.combine(Arbitraries.of(0, 1, 2, 7, 30), Arbitraries.of("days", "weeks", "months"))
                        .as((n, unit) -> {
                            Map<String, Object> node = new LinkedHashMap<>(base);
                            node.put("value", BigDecimal.valueOf(n));
                            node.put("unit", unit);
                            return node;
                        });
            }
            case "between" -> {
                List<Object> sorted = switch (type) {
                    case "number" -> List.of(new BigDecimal("-3"), BigDecimal.ZERO, new BigDecimal("1.0"),
                            new BigDecimal("2"), new BigDecimal("10"));
                    case "date" -> List.copyOf(DATE_OPERANDS);
                    default -> List.copyOf(DATETIME_OPERANDS);
                };
                return Combinators.combine(Arbitraries.integers().between(0, sorted.size() - 1),
                        Arbitraries.integers().between(0, sorted.size() - 1)).as((i, j) -> {
                            Map<String, Object> node = new LinkedHashMap<>(base);
                            node.put("values", List.of(sorted.get(Math.min(i, j)), sorted.get(Math.max(i, j))));
                            return node;
                        });
            }
            default -> {
                Arbitrary<Object> operand = operand(property, type, op);
                boolean single = List.of("lt", "lte", "gt", "gte", "before", "after").contains(op);
                boolean text = type.equals("string") || type.equals("url");
                return Combinators.combine(operand.list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
                        Arbitraries.of(true, false), Arbitraries.of(true, false)).as((operands, asList, ignoreCase) -> {
                            Map<String, Object> node = new LinkedHashMap<>(base);
                            if (single || !asList) {
                                node.put("value", operands.get(0));
                            } else {
                                node.put("values", operands);
                            }
                            if (text && ignoreCase) {
                                node.put("ignoreCase", true);
                            }
                            return node;
                        });
            }
        }
    }

    private static Arbitrary<Object> operand(String property, String type, String op) {
        return switch (type) {
            case "string", "url" -> op.equals("matches") ? Arbitraries.of(REGEXES).map(s -> s)
                    : Arbitraries.of(TEXT_OPERANDS).map(s -> s);
            case "user" -> Arbitraries.of("u1", "u2", "u3").map(s -> s);
            case "number" -> Arbitraries.of(NUMBERS).map(BigDecimal::new);
            case "date" -> Arbitraries.of(DATE_OPERANDS).map(s -> s);
            case "datetime" -> Arbitraries.of(DATETIME_OPERANDS).map(s -> s);
            case "enum", "multi_enum" -> Arbitraries.of(OPTIONS.get(property)).map(s -> s);
            default -> throw new IllegalArgumentException(type);
        };
    }

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<Map<String, Object>> partner = record("partner.", "p1");
        Arbitrary<List<Map<String, Object>>> contacts = Arbitraries.integers().between(0, 3).flatMap(count -> {
            List<Arbitrary<Map<String, Object>>> each = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                each.add(record("contact.", "c" + i));
            }
            return Combinators.combine(each).as(List::copyOf);
        });
        Arbitrary<Set<String>> inC1 = Arbitraries.of("c0", "c1", "c2").set().ofMaxSize(3);
        Arbitrary<LocalDate> today = Arbitraries.of(TODAY, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-02-28"));
        return Combinators.combine(partner, contacts, Arbitraries.of(true, false), inC1, today).as(World::new);
    }

    private static Map<String, Object> contactRecord(String id) {
        Map<String, Object> record = new HashMap<>();
        record.put("@id", id);
        return record;
    }

    private Arbitrary<Map<String, Object>> record(String scope, String id) {
        List<String> properties = TYPES.keySet().stream().filter(p -> p.startsWith(scope)).sorted().toList();
        List<Arbitrary<Object>> values = new ArrayList<>();
        for (String property : properties) {
            values.add(value(property, TYPES.get(property)));
        }
        return Combinators.combine(values).as(list -> {
            Map<String, Object> record = new HashMap<>();
            record.put("@id", id);
            for (int i = 0; i < properties.size(); i++) {
                if (list.get(i) != null) {
                    record.put(properties.get(i).substring(scope.length()), list.get(i));
                }
            }
            return record;
        });
    }

    private static Arbitrary<Object> value(String property, String type) {
        Arbitrary<Object> value = switch (type) {
            case "string", "url" -> Arbitraries.of(TEXTS).map(s -> s);
            case "user" -> Arbitraries.of("u1", "u2", "u3", "").map(s -> s);
            case "number" -> Arbitraries.of(NUMBERS).map(BigDecimal::new);
            case "boolean" -> Arbitraries.of(true, false).map(b -> b);
            case "date" -> Arbitraries.of(DAYS).map(LocalDate::parse);
            case "datetime" -> Combinators.combine(Arbitraries.of(DAYS), Arbitraries.of("T00:00:00Z", "T10:00:00Z",
                    "T23:59:59Z")).as((day, time) -> Instant.parse(day + time));
            case "enum" -> Arbitraries.of(OPTIONS.get(property)).map(s -> s);
            case "multi_enum" -> Arbitraries.of(OPTIONS.get(property)).set().ofMaxSize(3).map(List::copyOf);
            default -> throw new IllegalArgumentException(type);
        };
        return value.injectNull(0.15);
    }
}
