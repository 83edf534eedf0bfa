package io.partnerportal.common;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one JSON object (plain Java: maps, lists, strings, BigDecimal numbers, booleans) field by
 * field, collecting every problem with its pointer, so a request learns all its mistakes in one 422.
 * Plain Java, so a domain reads its request shapes with it; {@code common.web.JsonBody} reads a
 * Micronaut JSON tree with it.
 */
public final class Fields {

    private final Map<String, Object> map;
    private final String pointer;
    private final List<FieldError> errors;

    public Fields(Map<String, Object> map, String pointer, List<FieldError> errors) {
        this.map = map;
        this.pointer = pointer;
        this.errors = errors;
    }

    /** The value as an object, or null (an error recorded) when it is not one. */
    @SuppressWarnings("unchecked")
    public static Fields of(Object value, String pointer, List<FieldError> errors) {
        if (!(value instanceof Map<?, ?>)) {
            errors.add(FieldError.at(pointer, value == null ? "required" : "wrong_value_type",
                    "an object is expected here"));
            return null;
        }
        return new Fields((Map<String, Object>) value, pointer, errors);
    }

    public String pointer() {
        return pointer;
    }

    public String pointer(String field) {
        return JsonPointer.append(pointer, field);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean has(String field) {
        return map.containsKey(field);
    }

    public Object raw(String field) {
        return map.get(field);
    }

    /** Refuses members the object may not have (typos must not be silently ignored). */
    public void allowOnly(Set<String> known) {
        errors.addAll(UnknownMembers.of(map.keySet(), known, pointer));
    }

    public void error(String field, String code, String message) {
        errors.add(FieldError.at(pointer(field), code, message));
    }

    /** The member's value; null when absent, which is an error when it is required. */
    public Object value(String field, boolean required) {
        Object v = map.get(field);
        if (v == null && required) {
            error(field, "required", field + " is required");
        }
        return v;
    }

    /** The member's string as sent (null when absent, or an error when it is not a string). */
    public String text(String field, boolean required) {
        Object v = value(field, required);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        error(field, "wrong_value_type", field + " must be a string");
        return null;
    }

    /** A trimmed string (null when absent and optional, or wrong). */
    public String string(String field, boolean required, int maxLength) {
        String s = text(field, required);
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.isEmpty()) {
            if (required) {
                error(field, "required", field + " must not be blank");
            }
            return null;
        }
        if (t.length() > maxLength) {
            error(field, "too_long", field + " has at most " + maxLength + " characters");
            return null;
        }
        return t;
    }

    public Integer integer(String field, boolean required, int min, int max) {
        Object v = value(field, required);
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            try {
                int i = d.intValueExact();
                if (i >= min && i <= max) {
                    return i;
                }
            } catch (ArithmeticException e) {
                // reported below
            }
        } else if (v instanceof Integer i && i >= min && i <= max) {
            return i;
        }
        error(field, "out_of_range", field + " is an integer from " + min + " to " + max);
        return null;
    }

    public boolean bool(String field, boolean fallback) {
        Object v = map.get(field);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        error(field, "wrong_value_type", field + " is true or false");
        return fallback;
    }

    /** A list of any length (null when absent, or an error when it is not a list). */
    public List<?> list(String field, boolean required) {
        Object v = value(field, required);
        if (v == null || v instanceof List<?>) {
            return (List<?>) v;
        }
        error(field, "wrong_value_type", field + " must be a list");
        return null;
    }

    /** A list (null and an error when present but not a list, or longer than {@code maxItems}). */
    public List<?> list(String field, boolean required, int maxItems) {
        List<?> list = list(field, required);
        if (list != null && list.size() > maxItems) {
            error(field, "too_many_values", field + " holds at most " + maxItems + " items");
            return null;
        }
        return list;
    }

    /** Throws the 422 when anything was wrong. */
    public static void failOn(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(new ArrayList<>(errors));
        }
    }
}
