package io.partnerportal.segments.domain.condition;

import io.partnerportal.segments.domain.SegmentLevel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs one translated third-party case through the production parser, validator and evaluator and
 * classifies the outcome. A refusal counts as a documented difference only for the refusals the
 * contract makes on purpose ({@link #DELIBERATE_REFUSALS}); anything else the adapter produced and
 * production refused is a failure, so adapter bugs cannot hide as "differences".
 */
final class ConformanceHarness {

    enum Status { PASSED, FAILED, DIFFERENT, NOT_APPLICABLE }

    record Outcome(String suite, String id, String name, Status status, String reason) {
    }

    /** Thrown by a translator for a case whose feature the language does not have. */
    static final class NotApplicable extends RuntimeException {
        NotApplicable(String reason) {
            super(reason, null, false, false);
        }
    }

    static final Map<String, String> DELIBERATE_REFUSALS = Map.of(
            ConditionError.EMPTY_GROUP, "empty groups are refused at save (an empty all would admit everyone)",
            ConditionError.EMPTY_VALUES, "an empty values list is refused at save",
            ConditionError.INVALID_REGEX, "invalid regexes (and RE2-unsupported lookaround / backreferences) are refused at save",
            ConditionError.UNKNOWN_OPERATOR, "unknown operators are refused at save instead of evaluating to false",
            ConditionError.UNKNOWN_SEGMENT, "references to unknown segments are refused at save",
            ConditionError.WRONG_VALUE_TYPE, "operands of the wrong type (a string for a number, a scalar for a list) are refused at save");

    /** A translated case: condition JSON, catalogue, the record's typed values, known segments and their membership. */
    record Translated(Object condition, Map<String, PropertySpec> specs, Map<String, Object> values,
                      Map<String, SegmentLevel> segments, Predicate<String> partnerIn, List<String> knownDifferences) {
    }

    private ConformanceHarness() {
    }

    static Outcome run(String suite, String id, String name, boolean expected, Translated t) {
        ParseResult parsed = ConditionParser.parse(t.condition(), "");
        List<ConditionError> errors = new ArrayList<>(parsed.errors());
        if (parsed.isValid()) {
            errors.addAll(ConditionValidator.validate(parsed.condition(), SegmentLevel.PARTNER,
                    ref -> java.util.Optional.ofNullable(t.specs().get(ref.qualified())),
                    SegmentRefs.of(t.segments()), ""));
        }
        if (!errors.isEmpty()) {
            ConditionError first = errors.get(0);
            String why = DELIBERATE_REFUSALS.get(first.code());
            if (why != null && errors.stream().allMatch(e -> DELIBERATE_REFUSALS.containsKey(e.code()))) {
                return new Outcome(suite, id, name, Status.DIFFERENT,
                        "refused at save (`" + first.code() + "` at `" + first.pointer() + "`): " + why);
            }
            return new Outcome(suite, id, name, Status.FAILED, "adapter produced a condition production refuses: " + errors);
        }
        CompiledCondition compiled = CompiledCondition.compile(parsed.condition(), SegmentLevel.PARTNER,
                ref -> java.util.Optional.ofNullable(t.specs().get(ref.qualified())), SegmentRefs.of(t.segments()));
        Values partner = values(t.values());
        boolean actual = compiled.matches(partner, null, context(t.partnerIn()));
        boolean explained = compiled.explain(partner, null, context(t.partnerIn())).result();
        if (actual == expected && explained == expected) {
            return new Outcome(suite, id, name, Status.PASSED, "");
        }
        if (!t.knownDifferences().isEmpty()) {
            return new Outcome(suite, id, name, Status.DIFFERENT, "expected " + expected + ", the contract gives "
                    + actual + ": " + String.join("; ", t.knownDifferences()));
        }
        return new Outcome(suite, id, name, Status.FAILED, "expected " + expected + " but was " + actual
                + " for " + t.condition() + " on " + t.values());
    }

    static Values values(Map<String, Object> values) {
        return new Values() {
            @Override
            public String id() {
                return "record";
            }

            @Override
            public Object value(String key) {
                return values.get(key);
            }
        };
    }

    private static EvaluationContext context(Predicate<String> partnerIn) {
        return new EvaluationContext() {
            @Override
            public LocalDate today() {
                return LocalDate.parse("2026-03-31");
            }

            @Override
            public Iterable<? extends Values> contactsOf(String partnerId) {
                return List.of();
            }

            @Override
            public boolean partnerIn(String segmentId, String partnerId) {
                return partnerIn.test(segmentId);
            }

            @Override
            public boolean contactIn(String segmentId, String contactId) {
                return false;
            }
        };
    }

    static Object read(String resource) {
        try (InputStream in = ConformanceHarness.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return Fixtures.plain(Fixtures.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> object(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static Object allOf(List<Object> parts) {
        return parts.size() == 1 ? parts.get(0) : object("all", parts);
    }

    static Set<String> refusalCodes() {
        return DELIBERATE_REFUSALS.keySet();
    }
}
