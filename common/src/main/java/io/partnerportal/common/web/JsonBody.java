package io.partnerportal.common.web;

import io.micronaut.json.tree.JsonNode;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.Fields;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.JsonPointer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON request body field by field, collecting every error with its JSON pointer, so a
 * client learns about all its mistakes in one 422 and a wrong type is a 422 (well-formed but
 * invalid), never a 400 or a 500. Values come out as plain Java: {@code Map}, {@code List},
 * {@code String}, {@code BigDecimal}, {@code Boolean}, {@code null}.
 *
 * <p>The object itself (members, pointers, errors, unknown members, a required or wrongly typed
 * member) is a plain {@link Fields}. What stays here is what the segments API answers differently
 * from {@link Fields}' own readers: strings untrimmed, integers as {@code Long}, nullable booleans,
 * lists of non-blank strings, and their messages.
 */
public final class JsonBody {

    private final Fields fields;

    private JsonBody(Fields fields) {
        this.fields = fields;
    }

    /** The body as an object; anything else is a 422 at the root. */
    public static JsonBody of(JsonNode body) {
        Object plain = toPlain(body);
        if (!(plain instanceof Map<?, ?>)) {
            throw InvalidInputException.of("", "wrong_value_type", "the request body must be a JSON object");
        }
        return new JsonBody(new Fields(castMap(plain), "", new ArrayList<>()));
    }

    /** Converts a JSON tree to plain Java, numbers as {@link BigDecimal}. */
    public static Object toPlain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.entries()) {
                map.put(e.getKey(), toPlain(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode v : node.values()) {
                list.add(toPlain(v));
            }
            return list;
        }
        if (node.isBoolean()) {
            return node.getBooleanValue();
        }
        if (node.isNumber()) {
            Number n = node.getNumberValue();
            return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
        }
        return node.getStringValue();
    }

    public boolean has(String field) {
        return fields.has(field);
    }

    public Object raw(String field) {
        return fields.raw(field);
    }

    public String pointer(String field) {
        return fields.pointer(field);
    }

    /** A string as sent (not trimmed; blank allowed when optional). */
    public String string(String field, boolean required, int maxLength) {
        String s = fields.text(field, required);
        if (s == null) {
            return null;
        }
        if (required && s.isBlank()) {
            error(field, "required", field + " must not be blank");
            return null;
        }
        if (s.length() > maxLength) {
            error(field, "too_long", field + " must be at most " + maxLength + " characters");
            return null;
        }
        return s;
    }

    public Boolean bool(String field) {
        Object v = fields.raw(field);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        error(field, "wrong_value_type", field + " must be true, false or null");
        return null;
    }

    public Long integer(String field, boolean required) {
        Object v = fields.value(field, required);
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                // falls through to the error below
            }
        }
        error(field, "wrong_value_type", field + " must be an integer");
        return null;
    }

    /** A nested object (null when absent; an error when present but not an object). */
    public JsonBody object(String field) {
        Object v = fields.raw(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?>)) {
            error(field, "wrong_value_type", field + " must be an object");
            return null;
        }
        return new JsonBody(new Fields(castMap(v), pointer(field), fields.errors()));
    }

    /** A list of strings (null when absent). */
    public List<String> strings(String field, int maxItems) {
        List<?> list = fields.list(field, false);
        if (list == null) {
            return null;
        }
        if (list.size() > maxItems) {
            error(field, "too_many_values", field + " may hold at most " + maxItems + " items");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String s && !s.isBlank()) {
                out.add(s);
            } else {
                fields.errors().add(FieldError.at(JsonPointer.append(pointer(field), i), "wrong_value_type",
                        "must be a non-empty string"));
            }
        }
        return out;
    }

    /** Refuses fields the endpoint does not know (typos must not be silently ignored). */
    public JsonBody allowOnly(Set<String> known) {
        fields.allowOnly(known);
        return this;
    }

    public void error(String field, String code, String message) {
        fields.error(field, code, message);
    }

    public List<FieldError> errors() {
        return fields.errors();
    }

    /** Throws the 422 if anything was wrong so far. */
    public void throwIfInvalid() {
        Fields.failOn(fields.errors());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }
}
