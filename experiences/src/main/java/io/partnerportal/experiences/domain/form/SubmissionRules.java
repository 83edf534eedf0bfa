package io.partnerportal.experiences.domain.form;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.common.UnknownMembers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks submitted values field by field (every problem at once, pointing at {@code /values/<key>})
 * and answers them normalised: trimmed strings, decimal numbers, ISO dates as text, option keys. A
 * required checkbox must be ticked (the T&amp;C acceptance); an empty optional field is left out.
 */
public final class SubmissionRules {

    public static final int MAX_TEXT = 1_000;
    public static final int MAX_TEXTAREA = 10_000;
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

    private SubmissionRules() {
    }

    public static Map<String, Object> values(Form form, Object raw, List<FieldError> errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!(raw instanceof Map<?, ?> submitted)) {
            errors.add(FieldError.at("/values", raw == null ? "required" : "wrong_value_type",
                    "values is an object of field key → answer"));
            return out;
        }
        errors.addAll(UnknownMembers.of(submitted.keySet(), form.fields().stream().map(FormField::key).toList(),
                "/values", key -> "the form has no field '" + key + "'"));
        for (FormField field : form.fields()) {
            String pointer = JsonPointer.of("values", field.key());
            Object v = submitted.get(field.key());
            Object value = empty(v) ? null : value(field, v, pointer, errors);
            if (value == null) {
                if (field.required() && empty(v)) {
                    errors.add(FieldError.at(pointer, "required", field.type() == FieldType.CHECKBOX
                            ? field.label() + " must be accepted" : field.label() + " is required"));
                }
                continue;
            }
            if (field.required() && field.type() == FieldType.CHECKBOX && Boolean.FALSE.equals(value)) {
                errors.add(FieldError.at(pointer, "required", field.label() + " must be accepted"));
                continue;
            }
            out.put(field.key(), value);
        }
        return out;
    }

    private static boolean empty(Object v) {
        return v == null || (v instanceof String s && s.isBlank()) || (v instanceof List<?> l && l.isEmpty());
    }

    private static Object value(FormField field, Object v, String pointer, List<FieldError> errors) {
        switch (field.type()) {
            case TEXT, TEXTAREA, EMAIL -> {
                if (!(v instanceof String s)) {
                    break;
                }
                String t = s.trim();
                int max = field.type() == FieldType.TEXTAREA ? MAX_TEXTAREA : MAX_TEXT;
                if (t.length() > max) {
                    errors.add(FieldError.at(pointer, "too_long", field.label() + " has at most " + max + " characters"));
                    return null;
                }
                if (field.type() == FieldType.EMAIL && !EMAIL.matcher(t).matches()) {
                    errors.add(FieldError.at(pointer, "invalid_format", field.label() + " is an e-mail address"));
                    return null;
                }
                return t;
            }
            case NUMBER -> {
                if (v instanceof BigDecimal d) {
                    return d;
                }
                if (v instanceof Number n) {
                    return new BigDecimal(n.toString());
                }
            }
            case CHECKBOX -> {
                if (v instanceof Boolean b) {
                    return b;
                }
            }
            case DATE -> {
                if (v instanceof String s) {
                    try {
                        return LocalDate.parse(s.trim()).toString();
                    } catch (DateTimeParseException e) {
                        errors.add(FieldError.at(pointer, "invalid_format", field.label() + " is a date (YYYY-MM-DD)"));
                        return null;
                    }
                }
            }
            case SELECT -> {
                if (v instanceof String s) {
                    if (field.hasOption(s)) {
                        return s;
                    }
                    errors.add(FieldError.at(pointer, "unknown_option", field.label() + " is one of "
                            + String.join(", ", field.options().stream().map(FormField.Option::key).toList())));
                    return null;
                }
            }
            case MULTI_SELECT -> {
                if (v instanceof List<?> list) {
                    LinkedHashSet<String> keys = new LinkedHashSet<>();
                    List<FieldError> found = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i) instanceof String s && field.hasOption(s)) {
                            keys.add(s);
                        } else {
                            found.add(FieldError.at(JsonPointer.append(pointer, i), "unknown_option", "one of "
                                    + String.join(", ", field.options().stream().map(FormField.Option::key).toList())));
                        }
                    }
                    if (!found.isEmpty()) {
                        errors.addAll(found);
                        return null;
                    }
                    return List.copyOf(keys).stream().sorted().toList();
                }
            }
            default -> {
            }
        }
        errors.add(FieldError.at(pointer, "wrong_value_type", field.label() + " takes a "
                + field.type().jsonName() + " answer"));
        return null;
    }
}
