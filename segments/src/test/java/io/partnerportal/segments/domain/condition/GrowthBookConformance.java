package io.partnerportal.segments.domain.condition;

import io.partnerportal.segments.domain.SegmentLevel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.partnerportal.segments.domain.condition.ConformanceHarness.NotApplicable;
import static io.partnerportal.segments.domain.condition.ConformanceHarness.Outcome;
import static io.partnerportal.segments.domain.condition.ConformanceHarness.Status;
import static io.partnerportal.segments.domain.condition.ConformanceHarness.Translated;
import static io.partnerportal.segments.domain.condition.ConformanceHarness.allOf;
import static io.partnerportal.segments.domain.condition.ConformanceHarness.object;

/**
 * Translates GrowthBook's Mongo-style {@code evalCondition} cases: $and / $or / $nor / $not become
 * all / any / not(any) / not; several keys in one object are an all; each attribute path
 * ({@code father.age}) becomes a partner property whose type comes from the attribute's value, or
 * from the operands when the attribute is missing (string arrays are multi_enum, with the strings
 * seen as option keys). Operators map where the language has an equivalent; saved groups become
 * partner-level segments (membership: the group lists the attribute's value, typed).
 */
final class GrowthBookConformance {

    static final String SUITE = "GrowthBook evalCondition";

    private GrowthBookConformance() {
    }

    @SuppressWarnings("unchecked")
    static List<Outcome> run() {
        List<Outcome> outcomes = new ArrayList<>();
        List<Object> cases = (List<Object>) ConformanceHarness.read("/conformance/growthbook/evalCondition.json");
        for (int i = 0; i < cases.size(); i++) {
            List<Object> c = (List<Object>) cases.get(i);
            String name = (String) c.get(0);
            boolean expected = (Boolean) c.get(3);
            Map<String, Object> groups = c.size() > 4 ? (Map<String, Object>) c.get(4) : Map.of();
            try {
                Translation translation = new Translation((Map<String, Object>) c.get(2), groups);
                Object condition = translation.condition((Map<String, Object>) c.get(1));
                outcomes.add(ConformanceHarness.run(SUITE, "#" + i, name, expected, translation.translated(condition)));
            } catch (NotApplicable e) {
                outcomes.add(new Outcome(SUITE, "#" + i, name, Status.NOT_APPLICABLE, e.getMessage()));
            }
        }
        return outcomes;
    }

    private enum Kind { STRING, NUMBER, BOOLEAN, LIST, MIXED_LIST, OBJECT, MISSING }

    private static final class Translation {
        private final Map<String, Object> attributes;
        private final Map<String, Object> groups;
        private final Map<String, ValueType> types = new LinkedHashMap<>();
        private final Map<String, Set<String>> options = new HashMap<>();
        private final Map<String, String> segmentFields = new HashMap<>();
        private final Set<String> knownDifferences = new LinkedHashSet<>();

        Translation(Map<String, Object> attributes, Map<String, Object> groups) {
            this.attributes = attributes;
            this.groups = groups;
        }

        @SuppressWarnings("unchecked")
        Object condition(Map<String, Object> condition) {
            List<Object> parts = new ArrayList<>();
            for (Map.Entry<String, Object> entry : condition.entrySet()) {
                Object value = entry.getValue();
                switch (entry.getKey()) {
                    case "$and" -> parts.add(object("all", conditions(value)));
                    case "$or" -> parts.add(object("any", conditions(value)));
                    case "$nor" -> parts.add(object("not", object("any", conditions(value))));
                    case "$not" -> parts.add(object("not", condition((Map<String, Object>) value)));
                    default -> parts.add(field(entry.getKey(), value));
                }
            }
            return parts.isEmpty() ? object("all", List.of()) : allOf(parts);
        }

        @SuppressWarnings("unchecked")
        private List<Object> conditions(Object list) {
            List<Object> translated = new ArrayList<>();
            for (Object each : (List<Object>) list) {
                translated.add(condition((Map<String, Object>) each));
            }
            return translated;
        }

        @SuppressWarnings("unchecked")
        private Object field(String path, Object expression) {
            if (expression instanceof Map<?, ?> map && !map.isEmpty()
                    && map.keySet().stream().allMatch(k -> ((String) k).startsWith("$"))) {
                List<Object> parts = new ArrayList<>();
                for (Map.Entry<String, Object> op : ((Map<String, Object>) map).entrySet()) {
                    parts.add(operator(path, op.getKey(), op.getValue()));
                }
                return allOf(parts);
            }
            return equality(path, expression);
        }

        private Object equality(String path, Object literal) {
            if (literal == null) {
                return kind(path) == Kind.LIST ? unary(path, ValueType.MULTI_ENUM, "is_empty")
                        : unary(path, scalarType(path, ValueType.STRING), "is_not_set");
            }
            if (literal instanceof Boolean b) {
                return unary(path, declare(path, ValueType.BOOLEAN), b ? "is_true" : "is_false");
            }
            if (literal instanceof String || literal instanceof BigDecimal) {
                ValueType type = declare(path, literal instanceof String ? ValueType.STRING : ValueType.NUMBER);
                return object("property", "partner." + path, "op", "eq", "value", literal);
            }
            throw new NotApplicable("equality with a whole array or object is not a condition (properties are scalar or option sets)");
        }

        @SuppressWarnings("unchecked")
        private Object operator(String path, String op, Object operand) {
            Kind kind = kind(path);
            String property = "partner." + path;
            switch (op) {
                case "$eq":
                    return equality(path, operand);
                case "$ne":
                    if (operand instanceof String || operand instanceof BigDecimal) {
                        declare(path, operand instanceof String ? ValueType.STRING : ValueType.NUMBER);
                        return object("property", property, "op", "neq", "value", operand);
                    }
                    return object("not", equality(path, operand));
                case "$in", "$nin", "$ini", "$nini": {
                    boolean negative = op.startsWith("$n");
                    boolean ignoreCase = op.endsWith("i");
                    if (kind == Kind.LIST) {
                        if (ignoreCase) {
                            throw new NotApplicable("case-insensitive matching of option sets ($ini / $nini on an array): option keys are exact");
                        }
                        declare(path, ValueType.MULTI_ENUM);
                        addOptions(path, operand);
                        return object("property", property, "op", negative ? "contains_none" : "contains_any", "values", operand);
                    }
                    if (kind == Kind.MIXED_LIST || kind == Kind.OBJECT) {
                        throw new NotApplicable("arrays of non-strings and objects are not property types");
                    }
                    ValueType type = kind == Kind.MISSING ? operandType(operand) : scalarType(path, null);
                    declare(path, type);
                    Map<String, Object> leaf = object("property", property, "op", negative ? "not_in" : "in", "values", operand);
                    if (ignoreCase) {
                        leaf.put("ignoreCase", true);
                    }
                    return leaf;
                }
                case "$all":
                    requireList(path, kind);
                    declare(path, ValueType.MULTI_ENUM);
                    addOptions(path, operand);
                    return object("property", property, "op", "contains_all", "values", operand);
                case "$alli":
                    throw new NotApplicable("case-insensitive matching of option sets ($alli): option keys are exact");
                case "$elemMatch": {
                    Map<String, Object> inner = (Map<String, Object>) operand;
                    Object values = inner.size() != 1 ? null
                            : inner.containsKey("$eq") && inner.get("$eq") instanceof String s ? List.of(s)
                            : inner.containsKey("$in") && inner.get("$in") instanceof List<?> l
                                    && l.stream().allMatch(String.class::isInstance) ? l : null;
                    if (values == null) {
                        throw new NotApplicable("$elemMatch with " + inner.keySet() + " has no equivalent (only membership in an option set)");
                    }
                    requireList(path, kind);
                    declare(path, ValueType.MULTI_ENUM);
                    addOptions(path, values);
                    return object("property", property, "op", "contains_any", "values", values);
                }
                case "$size":
                    if (operand instanceof BigDecimal n && n.signum() == 0 && (kind == Kind.LIST || kind == Kind.MISSING)) {
                        declare(path, ValueType.MULTI_ENUM);
                        return object("property", property, "op", "is_empty");
                    }
                    throw new NotApplicable(kind == Kind.MIXED_LIST ? "arrays of non-strings are not a property type"
                            : "array sizes other than empty ($size " + operand + ") are not compared");
                case "$exists":
                    if (kind == Kind.LIST) {
                        return unary(path, ValueType.MULTI_ENUM, Boolean.TRUE.equals(operand) ? "is_not_empty" : "is_empty");
                    }
                    return unary(path, scalarType(path, ValueType.STRING), Boolean.TRUE.equals(operand) ? "is_set" : "is_not_set");
                case "$gt", "$gte", "$lt", "$lte":
                    if (!(operand instanceof BigDecimal) && kind != Kind.NUMBER) {
                        throw new NotApplicable("ordering comparison of strings (" + op + " \"" + operand + "\") is not an operator");
                    }
                    if (kind == Kind.MISSING || attribute(path) == null) {
                        knownDifferences.add("an ordering comparison on a missing attribute is false (unset); GrowthBook compares it as null");
                    }
                    declare(path, ValueType.NUMBER);
                    return object("property", property, "op", op.substring(1), "value", operand);
                case "$regex", "$regexi": {
                    if (kind != Kind.STRING && kind != Kind.MISSING) {
                        throw new NotApplicable("regex on a non-string attribute");
                    }
                    declare(path, ValueType.STRING);
                    Map<String, Object> leaf = object("property", property, "op", "matches", "value", operand);
                    if (op.equals("$regexi")) {
                        leaf.put("ignoreCase", true);
                    }
                    return leaf;
                }
                case "$not":
                    return object("not", field(path, operand));
                case "$type":
                    throw new NotApplicable("$type: property types are fixed by the catalogue, not tested at run time");
                case "$veq", "$vne", "$vgt", "$vgte", "$vlt", "$vlte":
                    throw new NotApplicable("semantic-version comparison (" + op + ") is not a property type");
                case "$inGroup", "$notInGroup": {
                    String segment = "group:" + operand + ":" + path;
                    if (groups.containsKey((String) operand)) {
                        segmentFields.put(segment, path);
                    }
                    return object("op", op.equals("$inGroup") ? "in_segment" : "not_in_segment", "segment", segment);
                }
                default:
                    // an operator the language does not have: let production judge it as the admin's typo would be
                    return object("property", property, "op", op.substring(1), "value", operand);
            }
        }

        private void requireList(String path, Kind kind) {
            if (kind != Kind.LIST && kind != Kind.MISSING) {
                throw new NotApplicable(kind == Kind.MIXED_LIST ? "arrays of non-strings are not a property type"
                        : "the attribute is not an array here, which a typed multi_enum property cannot hold");
            }
        }

        private Object unary(String path, ValueType type, String op) {
            declare(path, type);
            return object("property", "partner." + path, "op", op);
        }

        /** The type a scalar attribute already has, or the fallback when it is missing. */
        private ValueType scalarType(String path, ValueType fallback) {
            return switch (kind(path)) {
                case STRING -> ValueType.STRING;
                case NUMBER -> ValueType.NUMBER;
                case BOOLEAN -> ValueType.BOOLEAN;
                case MISSING -> fallback == null ? ValueType.STRING : fallback;
                default -> throw new NotApplicable("arrays and objects are not scalar properties");
            };
        }

        @SuppressWarnings("unchecked")
        private static ValueType operandType(Object operand) {
            if (operand instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof BigDecimal) {
                return ValueType.NUMBER;
            }
            return operand instanceof BigDecimal ? ValueType.NUMBER : ValueType.STRING;
        }

        private ValueType declare(String path, ValueType type) {
            ValueType previous = types.putIfAbsent(path, type);
            if (previous != null && previous != type) {
                throw new NotApplicable("attribute " + path + " is used both as " + previous + " and " + type);
            }
            Kind kind = kind(path);
            boolean fits = switch (kind) {
                case MISSING -> true;
                case STRING -> type == ValueType.STRING || type == ValueType.NUMBER; // numeric strings are stored as numbers
                case NUMBER -> type == ValueType.NUMBER;
                case BOOLEAN -> type == ValueType.BOOLEAN;
                case LIST -> type == ValueType.MULTI_ENUM;
                case MIXED_LIST, OBJECT -> false;
            };
            if (!fits) {
                throw new NotApplicable("the attribute's value (" + kind.name().toLowerCase() + ") cannot be stored in a "
                        + type.jsonName() + " property");
            }
            if (kind == Kind.STRING && "".equals(attribute(path))) {
                knownDifferences.add("an empty string counts as unset");
            }
            if (type == ValueType.MULTI_ENUM) {
                addOptions(path, attribute(path));
            }
            return type;
        }

        private void addOptions(String path, Object values) {
            if (values instanceof List<?> list) {
                for (Object each : list) {
                    if (each instanceof String s && !s.isEmpty()) {
                        options.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(s);
                    }
                }
            }
        }

        /** The attribute at a dotted path, walking nested objects; null when missing. */
        @SuppressWarnings("unchecked")
        private Object attribute(String path) {
            if (attributes.containsKey(path)) {
                return attributes.get(path);
            }
            Object current = attributes;
            for (String step : path.split("\\.")) {
                if (!(current instanceof Map<?, ?> map) || !map.containsKey(step)) {
                    return null;
                }
                current = ((Map<String, Object>) map).get(step);
            }
            return current;
        }

        private Kind kind(String path) {
            Object value = attribute(path);
            if (value == null) {
                return Kind.MISSING;
            }
            if (value instanceof String) {
                return Kind.STRING;
            }
            if (value instanceof BigDecimal) {
                return Kind.NUMBER;
            }
            if (value instanceof Boolean) {
                return Kind.BOOLEAN;
            }
            if (value instanceof List<?> list) {
                return list.stream().allMatch(String.class::isInstance) ? Kind.LIST : Kind.MIXED_LIST;
            }
            return Kind.OBJECT;
        }

        Translated translated(Object condition) {
            Map<String, PropertySpec> specs = new HashMap<>();
            Map<String, Object> values = new HashMap<>();
            types.forEach((path, type) -> {
                specs.put("partner." + path, new PropertySpec(PropertyRef.partner(path), type,
                        options.getOrDefault(path, Set.of()), false));
                Object raw = attribute(path);
                if (type == ValueType.NUMBER && raw instanceof String s) {
                    try {
                        raw = new BigDecimal(s); // "8" stored in a number property is the number 8
                    } catch (NumberFormatException notANumber) {
                        raw = null;
                    }
                }
                values.put(path, raw);
            });
            Map<String, SegmentLevel> segments = new HashMap<>();
            segmentFields.keySet().forEach(segment -> segments.put(segment, SegmentLevel.PARTNER));
            return new Translated(condition, specs, values, segments, segment -> inGroup(segment),
                    List.copyOf(knownDifferences));
        }

        @SuppressWarnings("unchecked")
        private boolean inGroup(String segment) {
            String path = segmentFields.get(segment);
            List<Object> members = (List<Object>) groups.get(segment.substring("group:".length(), segment.lastIndexOf(':')));
            Object value = attribute(path);
            for (Object member : members) {
                if (member instanceof BigDecimal m && value instanceof BigDecimal v ? m.compareTo(v) == 0 : member.equals(value)) {
                    return true;
                }
            }
            return false;
        }
    }
}
