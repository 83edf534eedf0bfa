package io.partnerportal.segments.domain.condition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a condition from a plain-Java JSON tree (Map / List / String / BigDecimal / Boolean /
 * null) and checks its structure: node shapes, known fields and operators, operand shapes, and the
 * contract's limits. It does not look at the catalogue; that is {@link ConditionValidator}.
 *
 * <p>Limits are enforced while reading, so hostile input costs no more than its size: a node
 * deeper than {@value #MAX_DEPTH} is reported and not entered, a list longer than {@value
 * #MAX_VALUES} is reported and not walked, strings are measured before they are used, and reading
 * stops at leaf {@value #MAX_LEAVES} + 1 or after {@value #MAX_ERRORS} errors. Otherwise every
 * error is reported, in document order.
 */
public final class ConditionParser {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_LEAVES = 256;
    public static final int MAX_VALUES = 1_000;
    public static final int MAX_STRING_LENGTH = 1_000;
    public static final int MAX_REGEX_LENGTH = 200;
    /** The largest N of within_last / within_next / more_than_ago (about 270 years in days). */
    public static final BigDecimal MAX_RELATIVE_AMOUNT = BigDecimal.valueOf(100_000);
    /** Past this many errors the parser stops: the answer is already long enough to act on. */
    public static final int MAX_ERRORS = 100;

    private static final Set<String> GROUP_FIELDS_ALL = Set.of("all");
    private static final Set<String> GROUP_FIELDS_ANY = Set.of("any");
    private static final Set<String> NOT_FIELDS = Set.of("not");
    private static final Set<String> SEGMENT_FIELDS = Set.of("op", "segment");
    private static final Set<String> CONTACT_SCOPE_FIELDS = Set.of("op", "where");

    private final List<ConditionError> errors = new ArrayList<>();
    private int leaves;
    private boolean stopped;

    private ConditionParser() {
    }

    /**
     * @param json          the condition as a plain-Java JSON tree
     * @param pointerPrefix where the condition sits in the request body ("/condition"); "" for the root
     */
    public static ParseResult parse(Object json, String pointerPrefix) {
        ConditionParser parser = new ConditionParser();
        ConditionNode root = parser.node(json, pointerPrefix == null ? "" : pointerPrefix, 1);
        if (root == null || !parser.errors.isEmpty()) {
            if (parser.errors.isEmpty()) {
                throw new IllegalStateException("no node and no error");
            }
            return new ParseResult(null, parser.errors);
        }
        return new ParseResult(new Condition(root), List.of());
    }

    private ConditionNode node(Object json, String pointer, int depth) {
        if (stopped) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            error(pointer, ConditionError.TOO_DEEP, "conditions nest at most " + MAX_DEPTH + " levels deep");
            return null;
        }
        if (!(json instanceof Map<?, ?> map)) {
            error(pointer, ConditionError.WRONG_VALUE_TYPE, "a condition node is a JSON object, not " + describe(json));
            return null;
        }
        if (map.containsKey("all")) {
            return group(map, "all", pointer, depth);
        }
        if (map.containsKey("any")) {
            return group(map, "any", pointer, depth);
        }
        if (map.containsKey("not")) {
            unknownFields(map, NOT_FIELDS, pointer);
            ConditionNode child = node(map.get("not"), JsonPointer.append(pointer, "not"), depth + 1);
            return child == null ? null : new Not(child);
        }
        if (map.containsKey("op")) {
            return operation(map, pointer, depth);
        }
        if (map.containsKey("property")) {
            error(JsonPointer.append(pointer, "op"), ConditionError.REQUIRED, "a comparison needs an op");
            return null;
        }
        error(pointer, ConditionError.REQUIRED, "a condition node has one of all, any, not or op");
        return null;
    }

    private ConditionNode group(Map<?, ?> map, String kind, String pointer, int depth) {
        unknownFields(map, kind.equals("all") ? GROUP_FIELDS_ALL : GROUP_FIELDS_ANY, pointer);
        String listPointer = JsonPointer.append(pointer, kind);
        Object value = map.get(kind);
        if (!(value instanceof List<?> list)) {
            error(listPointer, ConditionError.WRONG_VALUE_TYPE, kind + " takes a list of nodes, not " + describe(value));
            return null;
        }
        if (list.isEmpty()) {
            error(listPointer, ConditionError.EMPTY_GROUP, "an empty " + kind + " is refused: it would silently match "
                    + (kind.equals("all") ? "everyone" : "no one"));
            return null;
        }
        if (list.size() > MAX_VALUES) {
            error(listPointer, ConditionError.TOO_MANY_VALUES, "a list holds at most " + MAX_VALUES + " entries");
            return null;
        }
        List<ConditionNode> children = new ArrayList<>(list.size());
        boolean complete = true;
        for (int i = 0; i < list.size() && !stopped; i++) {
            ConditionNode child = node(list.get(i), JsonPointer.append(listPointer, i), depth + 1);
            complete &= child != null;
            children.add(child);
        }
        if (!complete || stopped) {
            return null;
        }
        return kind.equals("all") ? new All(children) : new Any(children);
    }

    private ConditionNode operation(Map<?, ?> map, String pointer, int depth) {
        String opPointer = JsonPointer.append(pointer, "op");
        String op = string(map.get("op"), opPointer, "op");
        if (op == null) {
            return null;
        }
        switch (op) {
            case "in_segment", "not_in_segment" -> {
                if (!countLeaf(pointer)) {
                    return null;
                }
                unknownFields(map, SEGMENT_FIELDS, pointer);
                String segmentPointer = JsonPointer.append(pointer, "segment");
                if (!map.containsKey("segment")) {
                    error(segmentPointer, ConditionError.REQUIRED, op + " needs a segment id");
                    return null;
                }
                String segment = string(map.get("segment"), segmentPointer, "segment");
                if (segment != null && segment.isEmpty()) {
                    error(segmentPointer, ConditionError.INVALID_VALUE, "the segment id is empty");
                    return null;
                }
                return segment == null ? null : new InSegment(segment, op.equals("not_in_segment"));
            }
            case "any_contact", "all_contacts" -> {
                unknownFields(map, CONTACT_SCOPE_FIELDS, pointer);
                String wherePointer = JsonPointer.append(pointer, "where");
                if (!map.containsKey("where")) {
                    error(wherePointer, ConditionError.REQUIRED, op + " needs a where node");
                    return null;
                }
                ConditionNode where = node(map.get("where"), wherePointer, depth + 1);
                if (where == null) {
                    return null;
                }
                return op.equals("any_contact") ? new AnyContact(where) : new AllContacts(where);
            }
            default -> {
                return comparison(map, op, pointer);
            }
        }
    }

    private ConditionNode comparison(Map<?, ?> map, String opName, String pointer) {
        if (!countLeaf(pointer)) {
            return null;
        }
        Optional<Operator> maybeOp = Operator.fromJson(opName);
        PropertyRef property = property(map, pointer);
        if (maybeOp.isEmpty()) {
            error(JsonPointer.append(pointer, "op"), ConditionError.UNKNOWN_OPERATOR,
                    "unknown operator " + abbreviate(opName));
            return null;
        }
        Operator op = maybeOp.get();
        unknownFields(map, fieldsOf(op), pointer);
        boolean ok = property != null;
        boolean ignoreCase = false;
        if (map.containsKey("ignoreCase")) {
            Object flag = map.get("ignoreCase");
            if (flag instanceof Boolean b) {
                ignoreCase = b;
            } else {
                error(JsonPointer.append(pointer, "ignoreCase"), ConditionError.WRONG_VALUE_TYPE,
                        "ignoreCase is true or false, not " + describe(flag));
                ok = false;
            }
        }
        List<Object> operands = new ArrayList<>();
        boolean listForm = false;
        DateUnit unit = null;
        String valuePointer = JsonPointer.append(pointer, "value");
        String valuesPointer = JsonPointer.append(pointer, "values");
        switch (op.operands()) {
            case NONE -> { }
            case ONE -> ok &= single(map, op, valuePointer, operands);
            case ONE_OR_MANY -> {
                boolean hasValue = map.containsKey("value");
                boolean hasValues = map.containsKey("values");
                if (hasValue && hasValues) {
                    error(valuesPointer, ConditionError.UNKNOWN_FIELD, "give value or values, not both");
                    ok = false;
                } else if (hasValues) {
                    listForm = true;
                    ok &= list(map.get("values"), op, valuesPointer, operands);
                } else {
                    ok &= single(map, op, valuePointer, operands);
                }
            }
            case RANGE -> {
                listForm = true;
                if (!map.containsKey("values")) {
                    error(valuesPointer, ConditionError.REQUIRED, "between needs values: [lo, hi]");
                    ok = false;
                } else if (!list(map.get("values"), op, valuesPointer, operands)) {
                    ok = false;
                } else if (operands.size() != 2) {
                    error(valuesPointer, ConditionError.INVALID_RANGE, "between needs exactly two values: [lo, hi]");
                    ok = false;
                }
            }
            case RELATIVE -> {
                ok &= relativeAmount(map, op, valuePointer, operands);
                String unitPointer = JsonPointer.append(pointer, "unit");
                if (!map.containsKey("unit")) {
                    error(unitPointer, ConditionError.REQUIRED, op.jsonName() + " needs a unit: days, weeks or months");
                    ok = false;
                } else {
                    String unitName = string(map.get("unit"), unitPointer, "unit");
                    unit = unitName == null ? null : DateUnit.fromJson(unitName).orElse(null);
                    if (unitName != null && unit == null) {
                        error(unitPointer, ConditionError.INVALID_VALUE,
                                "unit is days, weeks or months, not " + abbreviate(unitName));
                    }
                    ok &= unit != null;
                }
            }
        }
        if (!ok) {
            return null;
        }
        return new Comparison(property, op, operands, listForm, unit, ignoreCase);
    }

    private static Set<String> fieldsOf(Operator op) {
        return switch (op.operands()) {
            case NONE -> Set.of("op", "property", "ignoreCase");
            case ONE -> Set.of("op", "property", "value", "ignoreCase");
            case ONE_OR_MANY -> Set.of("op", "property", "value", "values", "ignoreCase");
            case RANGE -> Set.of("op", "property", "values", "ignoreCase");
            case RELATIVE -> Set.of("op", "property", "value", "unit", "ignoreCase");
        };
    }

    private PropertyRef property(Map<?, ?> map, String pointer) {
        String propertyPointer = JsonPointer.append(pointer, "property");
        if (!map.containsKey("property")) {
            error(propertyPointer, ConditionError.REQUIRED, "a comparison needs a property");
            return null;
        }
        String name = string(map.get("property"), propertyPointer, "property");
        if (name == null) {
            return null;
        }
        Optional<PropertyRef> ref = PropertyRef.tryParse(name);
        if (ref.isEmpty()) {
            error(propertyPointer, ConditionError.UNKNOWN_PROPERTY,
                    "a property is partner.<key> or contact.<key>, not " + abbreviate(name));
            return null;
        }
        return ref.get();
    }

    private boolean single(Map<?, ?> map, Operator op, String valuePointer, List<Object> operands) {
        if (!map.containsKey("value")) {
            error(valuePointer, ConditionError.REQUIRED, op.jsonName() + " needs a value"
                    + (op.operands() == Operator.Operands.ONE_OR_MANY ? " or values" : ""));
            return false;
        }
        return operand(map.get("value"), op, valuePointer, operands);
    }

    private boolean list(Object json, Operator op, String valuesPointer, List<Object> operands) {
        if (!(json instanceof List<?> list)) {
            error(valuesPointer, ConditionError.WRONG_VALUE_TYPE, "values is a list, not " + describe(json));
            return false;
        }
        if (list.isEmpty()) {
            error(valuesPointer, ConditionError.EMPTY_VALUES, "values is empty: a condition on nothing is refused");
            return false;
        }
        if (list.size() > MAX_VALUES) {
            error(valuesPointer, ConditionError.TOO_MANY_VALUES, "a list holds at most " + MAX_VALUES + " values");
            return false;
        }
        boolean ok = true;
        for (int i = 0; i < list.size() && !stopped; i++) {
            ok &= operand(list.get(i), op, JsonPointer.append(valuesPointer, i), operands);
        }
        return ok;
    }

    private boolean operand(Object json, Operator op, String pointer, List<Object> operands) {
        if (json instanceof String s) {
            int limit = op == Operator.MATCHES ? MAX_REGEX_LENGTH : MAX_STRING_LENGTH;
            if (s.length() > limit) {
                error(pointer, op == Operator.MATCHES ? ConditionError.REGEX_TOO_LONG : ConditionError.STRING_TOO_LONG,
                        (op == Operator.MATCHES ? "a regex" : "a string") + " has at most " + limit + " characters");
                return false;
            }
            if (s.isEmpty()) {
                error(pointer, ConditionError.INVALID_VALUE, "an empty string never identifies anything: "
                        + "empty values count as unset (use is_set / is_not_set)");
                return false;
            }
            operands.add(s);
            return true;
        }
        if (json instanceof BigDecimal || json instanceof Boolean) {
            operands.add(json);
            return true;
        }
        error(pointer, ConditionError.WRONG_VALUE_TYPE, "an operand is a string, number or boolean, not " + describe(json));
        return false;
    }

    private boolean relativeAmount(Map<?, ?> map, Operator op, String valuePointer, List<Object> operands) {
        if (!map.containsKey("value")) {
            error(valuePointer, ConditionError.REQUIRED, op.jsonName() + " needs a value: how many days, weeks or months");
            return false;
        }
        Object json = map.get("value");
        if (!(json instanceof BigDecimal n)) {
            error(valuePointer, ConditionError.WRONG_VALUE_TYPE, op.jsonName() + " counts with a number, not "
                    + describe(json));
            return false;
        }
        if (n.signum() < 0 || n.compareTo(MAX_RELATIVE_AMOUNT) > 0 || n.stripTrailingZeros().scale() > 0) {
            error(valuePointer, ConditionError.INVALID_VALUE, op.jsonName() + " counts whole units from 0 to "
                    + MAX_RELATIVE_AMOUNT);
            return false;
        }
        operands.add(n);
        return true;
    }

    private String string(Object json, String pointer, String field) {
        if (!(json instanceof String s)) {
            error(pointer, ConditionError.WRONG_VALUE_TYPE, field + " is a string, not " + describe(json));
            return null;
        }
        if (s.length() > MAX_STRING_LENGTH) {
            error(pointer, ConditionError.STRING_TOO_LONG, field + " has at most " + MAX_STRING_LENGTH + " characters");
            return null;
        }
        return s;
    }

    private boolean countLeaf(String pointer) {
        if (++leaves > MAX_LEAVES) {
            error(pointer, ConditionError.TOO_MANY_LEAVES, "a condition has at most " + MAX_LEAVES + " comparisons");
            stopped = true;
            return false;
        }
        return true;
    }

    private void unknownFields(Map<?, ?> map, Set<String> allowed, String pointer) {
        for (Object key : map.keySet()) {
            if (stopped) {
                return;
            }
            String name = String.valueOf(key);
            if (!allowed.contains(name)) {
                error(JsonPointer.append(pointer, name), ConditionError.UNKNOWN_FIELD, "unknown field " + abbreviate(name));
            }
        }
    }

    private void error(String pointer, String code, String message) {
        if (stopped) {
            return;
        }
        if (errors.size() == MAX_ERRORS) {
            errors.add(new ConditionError(pointer, ConditionError.TOO_MANY_ERRORS,
                    "more than " + MAX_ERRORS + " errors; the rest of the condition was not examined"));
            stopped = true;
            return;
        }
        errors.add(new ConditionError(pointer, code, message));
    }

    static String describe(Object json) {
        if (json == null) {
            return "null";
        }
        if (json instanceof Map) {
            return "an object";
        }
        if (json instanceof List) {
            return "a list";
        }
        if (json instanceof String) {
            return "a string";
        }
        if (json instanceof Boolean) {
            return "a boolean";
        }
        if (json instanceof BigDecimal) {
            return "a number";
        }
        return json.getClass().getSimpleName();
    }

    /** Echoes at most 60 characters of user input in a message. */
    static String abbreviate(String text) {
        return '"' + (text.length() <= 60 ? text : text.substring(0, 57) + "...") + '"';
    }
}
