package io.partnerportal.segments.domain.condition;

import io.partnerportal.segments.domain.SegmentLevel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.partnerportal.segments.domain.condition.ConformanceHarness.NotApplicable;
import static io.partnerportal.segments.domain.condition.ConformanceHarness.Outcome;
import static io.partnerportal.segments.domain.condition.ConformanceHarness.Status;
import static io.partnerportal.segments.domain.condition.ConformanceHarness.Translated;
import static io.partnerportal.segments.domain.condition.ConformanceHarness.allOf;
import static io.partnerportal.segments.domain.condition.ConformanceHarness.object;

/**
 * Translates Unleash client-specification toggles into conditions: a feature is the any of its
 * strategies, a strategy the all of its constraints (and of its global segments, as in_segment),
 * {@code inverted} is {@code not}, {@code caseInsensitive} is {@code ignoreCase}. Context fields
 * become partner properties typed by the operators applied to them (NUM_* number, DATE_* datetime,
 * the rest string); context values are stored typed, as an import would.
 */
final class UnleashConformance {

    static final String SUITE = "Unleash client specification";
    static final List<String> FILES = List.of("09-strategy-constraints", "11-strategy-constraints-edge-cases",
            "13-constraint-operators", "14-constraint-semver-operators", "15-global-constraints",
            "21-regex-constraint-operators", "22-cidr-constraint-operators");

    private UnleashConformance() {
    }

    @SuppressWarnings("unchecked")
    static List<Outcome> run() {
        List<Outcome> outcomes = new ArrayList<>();
        for (String file : FILES) {
            Map<String, Object> spec = (Map<String, Object>) ConformanceHarness.read("/conformance/unleash/" + file + ".json");
            Map<String, Object> state = (Map<String, Object>) spec.get("state");
            Map<String, Map<String, Object>> features = new HashMap<>();
            for (Object feature : (List<Object>) state.get("features")) {
                features.put((String) ((Map<String, Object>) feature).get("name"), (Map<String, Object>) feature);
            }
            Map<String, List<Object>> segments = new HashMap<>();
            for (Object segment : (List<Object>) state.getOrDefault("segments", List.of())) {
                Map<String, Object> s = (Map<String, Object>) segment;
                segments.put("unleash-segment-" + s.get("id"), (List<Object>) s.get("constraints"));
            }
            List<Object> tests = (List<Object>) spec.getOrDefault("tests", List.of());
            for (int i = 0; i < tests.size(); i++) {
                Map<String, Object> test = (Map<String, Object>) tests.get(i);
                String id = file.substring(0, 2) + "/tests/" + i;
                String name = (String) test.get("description");
                boolean expected = (Boolean) test.get("expectedResult");
                Map<String, Object> feature = features.get((String) test.get("toggleName"));
                try {
                    if (feature == null) {
                        throw new NotApplicable("the toggle is not defined in the file (an unknown feature is simply off)");
                    }
                    Translation translation = new Translation(segments);
                    Object condition = translation.feature(feature);
                    outcomes.add(ConformanceHarness.run(SUITE, id, name, expected,
                            translation.translated(condition, (Map<String, Object>) test.get("context"))));
                } catch (NotApplicable e) {
                    outcomes.add(new Outcome(SUITE, id, name, Status.NOT_APPLICABLE, e.getMessage()));
                }
            }
            List<Object> variantTests = (List<Object>) spec.getOrDefault("variantTests", List.of());
            for (int i = 0; i < variantTests.size(); i++) {
                Map<String, Object> test = (Map<String, Object>) variantTests.get(i);
                outcomes.add(new Outcome(SUITE, file.substring(0, 2) + "/variantTests/" + i, (String) test.get("description"),
                        Status.NOT_APPLICABLE, "variants (weighted payload selection) are not part of segment conditions"));
            }
        }
        return outcomes;
    }

    private static final class Translation {
        private final Map<String, List<Object>> segmentConstraints;
        private final Map<String, ValueType> fieldTypes = new LinkedHashMap<>();
        private final Map<String, Object> segmentConditions = new LinkedHashMap<>();

        Translation(Map<String, List<Object>> segmentConstraints) {
            this.segmentConstraints = segmentConstraints;
        }

        @SuppressWarnings("unchecked")
        Object feature(Map<String, Object> feature) {
            if (!Boolean.TRUE.equals(feature.get("enabled"))) {
                throw new NotApplicable("a disabled toggle is not a condition");
            }
            List<Object> strategies = new ArrayList<>();
            for (Object strategy : (List<Object>) feature.get("strategies")) {
                strategies.add(strategy((Map<String, Object>) strategy));
            }
            return strategies.size() == 1 ? strategies.get(0) : object("any", strategies);
        }

        @SuppressWarnings("unchecked")
        private Object strategy(Map<String, Object> strategy) {
            List<Object> parts = new ArrayList<>();
            String name = (String) strategy.get("name");
            if (name.equals("userWithId")) {
                List<Object> ids = new ArrayList<>();
                for (String id : ((String) ((Map<String, Object>) strategy.get("parameters")).get("userIds")).split(",")) {
                    ids.add(id.trim());
                }
                parts.add(object("property", property("userId", ValueType.STRING), "op", "in", "values", ids));
            } else if (!name.equals("default")) {
                throw new NotApplicable("strategy " + name + " is a rollout rule, not a condition");
            }
            for (Object constraint : (List<Object>) strategy.getOrDefault("constraints", List.of())) {
                parts.add(constraint((Map<String, Object>) constraint));
            }
            for (Object segment : (List<Object>) strategy.getOrDefault("segments", List.of())) {
                String id = "unleash-segment-" + segment;
                List<Object> constraints = segmentConstraints.get(id);
                if (constraints != null && !segmentConditions.containsKey(id)) {
                    List<Object> translated = new ArrayList<>();
                    for (Object constraint : constraints) {
                        translated.add(constraint((Map<String, Object>) constraint));
                    }
                    segmentConditions.put(id, allOf(translated));
                }
                parts.add(object("op", "in_segment", "segment", id));
            }
            return parts.size() == 1 ? parts.get(0) : object("all", parts);
        }

        private Object constraint(Map<String, Object> constraint) {
            String operator = (String) constraint.get("operator");
            String field = (String) constraint.get("contextName");
            boolean caseInsensitive = Boolean.TRUE.equals(constraint.get("caseInsensitive"));
            Map<String, Object> leaf;
            if (operator.startsWith("SEMVER_")) {
                throw new NotApplicable("semantic-version comparison (" + operator + ") is not a property type");
            }
            switch (operator) {
                case "IN", "NOT_IN" -> leaf = object("property", property(field, ValueType.STRING),
                        "op", operator.toLowerCase(Locale.ROOT), "values", constraint.get("values"));
                case "STR_STARTS_WITH", "STR_ENDS_WITH", "STR_CONTAINS" -> {
                    leaf = object("property", property(field, ValueType.STRING),
                            "op", operator.substring(4).toLowerCase(Locale.ROOT), "values", constraint.get("values"));
                    if (caseInsensitive) {
                        leaf.put("ignoreCase", true);
                    }
                }
                case "NUM_EQ", "NUM_GT", "NUM_GTE", "NUM_LT", "NUM_LTE" -> leaf = object(
                        "property", property(field, ValueType.NUMBER),
                        "op", operator.substring(4).toLowerCase(Locale.ROOT),
                        "value", new BigDecimal((String) constraint.get("value")));
                case "DATE_AFTER", "DATE_BEFORE" -> leaf = object("property", property(field, ValueType.DATETIME),
                        "op", operator.substring(5).toLowerCase(Locale.ROOT), "value", constraint.get("value"));
                case "REGEX" -> {
                    leaf = object("property", property(field, ValueType.STRING), "op", "matches",
                            "value", constraint.get("value"));
                    if (caseInsensitive) {
                        leaf.put("ignoreCase", true);
                    }
                }
                case "IN_CIDR" -> throw new NotApplicable("IP ranges (IN_CIDR) are not a property type");
                default -> leaf = object("property", property(field, ValueType.STRING),
                        "op", operator.toLowerCase(Locale.ROOT), "value", constraint.get("value"));
            }
            return Boolean.TRUE.equals(constraint.get("inverted")) ? object("not", leaf) : leaf;
        }

        private String property(String field, ValueType type) {
            ValueType previous = fieldTypes.putIfAbsent(field, type);
            if (previous != null && previous != type) {
                throw new NotApplicable("context field " + field + " is used both as " + previous + " and " + type);
            }
            return "partner." + field;
        }

        @SuppressWarnings("unchecked")
        Translated translated(Object condition, Map<String, Object> context) {
            Map<String, Object> flat = new HashMap<>(context);
            flat.remove("properties");
            flat.putAll((Map<String, Object>) context.getOrDefault("properties", Map.of()));
            Map<String, PropertySpec> specs = new HashMap<>();
            Map<String, Object> values = new HashMap<>();
            fieldTypes.forEach((field, type) -> {
                specs.put("partner." + field, PropertySpec.of(PropertyRef.partner(field), type));
                Object raw = flat.get(field);
                if (raw instanceof String s) {
                    values.put(field, typed(s, type));
                }
            });
            Map<String, SegmentLevel> known = new HashMap<>();
            Map<String, CompiledCondition> compiledSegments = new HashMap<>();
            segmentConditions.forEach((id, segmentCondition) -> {
                known.put(id, SegmentLevel.PARTNER);
                compiledSegments.put(id, CompiledCondition.compile(ConditionParser.parse(segmentCondition, "").condition(),
                        SegmentLevel.PARTNER, ref -> java.util.Optional.ofNullable(specs.get(ref.qualified()))));
            });
            Values record = ConformanceHarness.values(values);
            return new Translated(condition, specs, values, known,
                    segment -> compiledSegments.get(segment).matches(record, null, null), List.of());
        }

        /** Context values are strings; a property stores them typed (unparsable: unset). */
        private static Object typed(String raw, ValueType type) {
            try {
                return switch (type) {
                    case NUMBER -> new BigDecimal(raw);
                    case DATETIME -> raw.endsWith("Z") ? Instant.parse(raw) : OffsetDateTime.parse(raw).toInstant();
                    default -> raw;
                };
            } catch (RuntimeException unparsable) {
                return null;
            }
        }
    }
}
