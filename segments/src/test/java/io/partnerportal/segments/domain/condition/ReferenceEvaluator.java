package io.partnerportal.segments.domain.condition;

import com.google.re2j.Pattern;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately naive reading of shared/CONDITIONS.md, for tests only: it walks the condition
 * JSON on every call, re-parses every operand, compares datetimes by their UTC day, and shares no
 * code with production (only the JDK and RE2/J). Property tests check that production agrees.
 */
final class ReferenceEvaluator {

    /** The records and memberships one evaluation sees. */
    record World(Map<String, Object> partner, List<Map<String, Object>> contacts, boolean partnerInP1,
                 Set<String> contactsInC1, LocalDate today) {
    }

    /** qualified property → type name ("string", "number", ...); segment id → "partner" / "contact". */
    private final Map<String, String> types;
    private final Map<String, String> segmentLevels;

    ReferenceEvaluator(Map<String, String> types, Map<String, String> segmentLevels) {
        this.types = types;
        this.segmentLevels = segmentLevels;
    }

    boolean evaluate(Object json, World world, Map<String, Object> contact) {
        @SuppressWarnings("unchecked")
        Map<String, Object> node = (Map<String, Object>) json;
        if (node.containsKey("all")) {
            for (Object child : (List<?>) node.get("all")) {
                if (!evaluate(child, world, contact)) {
                    return false;
                }
            }
            return true;
        }
        if (node.containsKey("any")) {
            for (Object child : (List<?>) node.get("any")) {
                if (evaluate(child, world, contact)) {
                    return true;
                }
            }
            return false;
        }
        if (node.containsKey("not")) {
            return !evaluate(node.get("not"), world, contact);
        }
        String op = (String) node.get("op");
        switch (op) {
            case "any_contact": {
                for (Map<String, Object> each : world.contacts()) {
                    if (evaluate(node.get("where"), world, each)) {
                        return true;
                    }
                }
                return false;
            }
            case "all_contacts": {
                if (world.contacts().isEmpty()) {
                    return false;
                }
                for (Map<String, Object> each : world.contacts()) {
                    if (!evaluate(node.get("where"), world, each)) {
                        return false;
                    }
                }
                return true;
            }
            case "in_segment":
                return member((String) node.get("segment"), world, contact);
            case "not_in_segment":
                return !member((String) node.get("segment"), world, contact);
            default:
                return comparison(node, world, contact);
        }
    }

    private boolean member(String segment, World world, Map<String, Object> contact) {
        if (segmentLevels.get(segment).equals("partner")) {
            return segment.equals("P1") && world.partnerInP1();
        }
        return contact != null && segment.equals("C1") && world.contactsInC1().contains((String) contact.get("@id"));
    }

    private boolean comparison(Map<String, Object> node, World world, Map<String, Object> contact) {
        String property = (String) node.get("property");
        String type = types.get(property);
        Map<String, Object> record = property.startsWith("partner.") ? world.partner() : contact;
        Object raw = record == null ? null : record.get(property.substring(property.indexOf('.') + 1));
        Object value = isUnset(raw, type) ? null : raw;
        String op = (String) node.get("op");
        List<Object> operands = node.containsKey("values") ? list(node.get("values"))
                : node.containsKey("value") ? List.of(node.get("value")) : List.of();
        boolean ignoreCase = Boolean.TRUE.equals(node.get("ignoreCase"));
        switch (op) {
            case "is_set":
            case "is_not_empty":
                return value != null;
            case "is_not_set":
            case "is_empty":
                return value == null;
            case "neq":
                return !positive("eq", type, value, operands, ignoreCase, node, world);
            case "not_in":
                return !positive("in", type, value, operands, ignoreCase, node, world);
            case "not_contains":
                return !positive("contains", type, value, operands, ignoreCase, node, world);
            case "contains_none":
                return !positive("contains_any", type, value, operands, ignoreCase, node, world);
            default:
                return positive(op, type, value, operands, ignoreCase, node, world);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object json) {
        return (List<Object>) json;
    }

    private static boolean isUnset(Object raw, String type) {
        if (raw == null) {
            return true;
        }
        switch (type) {
            case "string": case "url": case "user": case "enum":
                return !(raw instanceof String) || ((String) raw).isEmpty();
            case "number":
                return !(raw instanceof BigDecimal);
            case "boolean":
                return !(raw instanceof Boolean);
            case "date":
                return !(raw instanceof LocalDate);
            case "datetime":
                return !(raw instanceof Instant);
            case "multi_enum":
                return !(raw instanceof Collection) || ((Collection<?>) raw).isEmpty();
            default:
                throw new IllegalArgumentException(type);
        }
    }

    private boolean positive(String op, String type, Object value, List<Object> operands, boolean ignoreCase,
                             Map<String, Object> node, World world) {
        if (value == null) {
            return false; // every positive operator is false on an unset value
        }
        switch (op) {
            case "is_true":
                return value.equals(Boolean.TRUE);
            case "is_false":
                return value.equals(Boolean.FALSE);
            case "contains_any":
                for (Object o : operands) {
                    if (((Collection<?>) value).contains(o)) {
                        return true;
                    }
                }
                return false;
            case "contains_all":
                return ((Collection<?>) value).containsAll(operands);
            default:
                break;
        }
        if (type.equals("number")) {
            BigDecimal v = (BigDecimal) value;
            switch (op) {
                case "eq": case "in":
                    return operands.stream().anyMatch(o -> v.compareTo((BigDecimal) o) == 0);
                case "lt": return v.compareTo((BigDecimal) operands.get(0)) < 0;
                case "lte": return v.compareTo((BigDecimal) operands.get(0)) <= 0;
                case "gt": return v.compareTo((BigDecimal) operands.get(0)) > 0;
                case "gte": return v.compareTo((BigDecimal) operands.get(0)) >= 0;
                case "between":
                    return v.compareTo((BigDecimal) operands.get(0)) >= 0 && v.compareTo((BigDecimal) operands.get(1)) <= 0;
                default: throw new IllegalArgumentException(op);
            }
        }
        if (type.equals("date") || type.equals("datetime")) {
            return time(op, type, value, operands, node, world.today());
        }
        String v = ignoreCase ? ((String) value).toLowerCase(Locale.ROOT) : (String) value;
        for (Object o : operands) {
            String operand = ignoreCase ? ((String) o).toLowerCase(Locale.ROOT) : (String) o;
            boolean hit;
            switch (op) {
                case "eq": case "in": hit = v.equals(operand); break;
                case "contains": hit = v.contains(operand); break;
                case "starts_with": hit = v.startsWith(operand); break;
                case "ends_with": hit = v.endsWith(operand); break;
                case "matches":
                    hit = Pattern.compile((ignoreCase ? "(?i)" : "") + o).matcher((String) value).find();
                    break;
                default: throw new IllegalArgumentException(op);
            }
            if (hit) {
                return true;
            }
        }
        return false;
    }

    /** Dates compare as days; a datetime compares by its UTC day against a day operand, exactly against an instant. */
    private static boolean time(String op, String type, Object value, List<Object> operands, Map<String, Object> node,
                                LocalDate today) {
        LocalDate day = type.equals("date") ? (LocalDate) value : LocalDate.ofInstant((Instant) value, ZoneOffset.UTC);
        switch (op) {
            case "within_last": case "within_next": case "more_than_ago": {
                long n = ((BigDecimal) node.get("value")).longValueExact();
                ChronoUnit unit = ChronoUnit.valueOf(((String) node.get("unit")).toUpperCase(Locale.ROOT));
                if (op.equals("within_last")) {
                    return !day.isBefore(today.minus(n, unit)) && !day.isAfter(today);
                }
                if (op.equals("within_next")) {
                    return !day.isBefore(today) && !day.isAfter(today.plus(n, unit));
                }
                return day.isBefore(today.minus(n, unit));
            }
            case "eq":
                for (Object o : operands) {
                    if (compare(type, value, day, (String) o) == 0) {
                        return true;
                    }
                }
                return false;
            case "before":
                return compare(type, value, day, (String) operands.get(0)) < 0;
            case "after":
                return compare(type, value, day, (String) operands.get(0)) > 0;
            case "between":
                return compare(type, value, day, (String) operands.get(0)) >= 0
                        && compare(type, value, day, (String) operands.get(1)) <= 0;
            default:
                throw new IllegalArgumentException(op);
        }
    }

    /** -1, 0, 1: the value before, on / at, after the operand (a day operand is the whole day). */
    private static int compare(String type, Object value, LocalDate day, String operand) {
        if (operand.length() == 10) {
            return Integer.signum(day.compareTo(LocalDate.parse(operand)));
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(operand).toInstant();
        } catch (RuntimeException noOffset) {
            at = LocalDateTime.parse(operand).toInstant(ZoneOffset.UTC);
        }
        return Integer.signum(((Instant) value).compareTo(at));
    }
}
