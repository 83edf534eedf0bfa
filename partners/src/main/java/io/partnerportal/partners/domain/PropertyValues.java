package io.partnerportal.partners.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyOption;
import io.partnerportal.partners.api.PropertyType;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The value rules of the catalogue's types, and the two forms of a value: the <em>typed</em> form
 * other modules see (String, BigDecimal, Boolean, LocalDate, Instant, sorted List of option keys)
 * and the <em>JSON</em> form that is stored and answered (dates as ISO strings, numbers as JSON
 * numbers, multi_enum as a sorted array).
 */
public final class PropertyValues {

    public static final int MAX_STRING_LENGTH = 10_000;
    public static final int MAX_URL_LENGTH = 2_048;
    public static final int MAX_USER_ID_LENGTH = 200;
    public static final int MAX_NUMBER_DIGITS = 40;

    private PropertyValues() {
    }

    /**
     * Validates a raw value (JSON-like: String, Number, Boolean, List; or already typed: LocalDate,
     * Instant) for a property and returns its typed form, or null when it unsets the property.
     * Problems are added to {@code errors} with {@code pointer}; the return value is then meaningless.
     */
    public static Object normalize(PropertyDefinition def, Object raw, String pointer, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        PropertyType type = def.type();
        switch (type) {
            case STRING -> {
                if (!(raw instanceof String s)) {
                    return wrongType(def, raw, pointer, errors);
                }
                if (s.isEmpty()) {
                    return null;
                }
                if (s.length() > MAX_STRING_LENGTH) {
                    errors.add(FieldError.at(pointer, "too_long", def.key() + " is longer than " + MAX_STRING_LENGTH
                            + " characters"));
                }
                return s;
            }
            case URL -> {
                if (!(raw instanceof String s)) {
                    return wrongType(def, raw, pointer, errors);
                }
                String url = s.trim();
                if (url.isEmpty()) {
                    return null;
                }
                if (!isWebUrl(url)) {
                    errors.add(FieldError.at(pointer, "invalid_url", def.key()
                            + " must be an absolute http or https URL of at most " + MAX_URL_LENGTH + " characters"));
                }
                return url;
            }
            case USER -> {
                if (!(raw instanceof String s)) {
                    return wrongType(def, raw, pointer, errors);
                }
                String id = s.trim();
                if (id.isEmpty()) {
                    return null;
                }
                if (id.length() > MAX_USER_ID_LENGTH) {
                    errors.add(FieldError.at(pointer, "too_long", def.key() + " must be a user id of at most "
                            + MAX_USER_ID_LENGTH + " characters"));
                }
                return id;
            }
            case NUMBER -> {
                BigDecimal n = toDecimal(raw);
                if (n == null) {
                    return wrongType(def, raw, pointer, errors);
                }
                if (n.precision() > MAX_NUMBER_DIGITS || Math.abs((long) n.scale()) > 1000) {
                    errors.add(FieldError.at(pointer, "out_of_range", def.key() + " has more than "
                            + MAX_NUMBER_DIGITS + " digits"));
                }
                return n;
            }
            case BOOLEAN -> {
                if (!(raw instanceof Boolean b)) {
                    return wrongType(def, raw, pointer, errors);
                }
                return b;
            }
            case DATE -> {
                if (raw instanceof LocalDate d) {
                    return d;
                }
                if (!(raw instanceof String s)) {
                    return wrongType(def, raw, pointer, errors);
                }
                if (s.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(s.trim());
                } catch (DateTimeParseException e) {
                    errors.add(FieldError.at(pointer, "invalid_date", def.key()
                            + " must be an ISO-8601 date (2024-05-31), not '" + abbreviate(s) + "'"));
                    return null;
                }
            }
            case DATETIME -> {
                if (raw instanceof Instant i) {
                    return i;
                }
                if (!(raw instanceof String s)) {
                    return wrongType(def, raw, pointer, errors);
                }
                if (s.isBlank()) {
                    return null;
                }
                Instant instant = parseInstant(s.trim());
                if (instant == null) {
                    errors.add(FieldError.at(pointer, "invalid_datetime", def.key()
                            + " must be an ISO-8601 date-time with a zone (2024-05-31T12:00:00Z), not '"
                            + abbreviate(s) + "'"));
                }
                return instant;
            }
            case ENUM -> {
                if (!(raw instanceof String s)) {
                    return wrongType(def, raw, pointer, errors);
                }
                if (s.isEmpty()) {
                    return null;
                }
                if (!def.hasOption(s)) {
                    errors.add(unknownOption(def, s, pointer));
                }
                return s;
            }
            case MULTI_ENUM -> {
                if (!(raw instanceof Collection<?> items)) {
                    return wrongType(def, raw, pointer, errors);
                }
                TreeSet<String> keys = new TreeSet<>();
                int i = 0;
                for (Object item : items) {
                    String itemPointer = JsonPointer.append(pointer, i++);
                    if (!(item instanceof String s)) {
                        errors.add(FieldError.at(itemPointer, "wrong_type", def.key()
                                + " takes a list of option keys (strings)"));
                    } else if (!def.hasOption(s)) {
                        errors.add(unknownOption(def, s, itemPointer));
                    } else {
                        keys.add(s);
                    }
                }
                return keys.isEmpty() ? null : List.copyOf(keys);
            }
            default -> throw new IllegalStateException("unhandled type " + type);
        }
    }

    private static Object wrongType(PropertyDefinition def, Object raw, String pointer, List<FieldError> errors) {
        errors.add(FieldError.at(pointer, "wrong_type", def.key() + " is a " + def.type().jsonName() + " property: "
                + expected(def.type()) + ", not " + describe(raw)));
        return null;
    }

    private static String expected(PropertyType type) {
        return switch (type) {
            case STRING -> "send a string";
            case URL -> "send an http(s) URL as a string";
            case USER -> "send a user id as a string";
            case NUMBER -> "send a JSON number";
            case BOOLEAN -> "send true or false";
            case DATE -> "send an ISO-8601 date string";
            case DATETIME -> "send an ISO-8601 date-time string";
            case ENUM -> "send one option key as a string";
            case MULTI_ENUM -> "send a list of option keys";
        };
    }

    private static String describe(Object raw) {
        if (raw instanceof String) {
            return "a string";
        }
        if (raw instanceof Number) {
            return "a number";
        }
        if (raw instanceof Boolean) {
            return "a boolean";
        }
        if (raw instanceof Collection<?>) {
            return "a list";
        }
        if (raw instanceof java.util.Map<?, ?>) {
            return "an object";
        }
        return raw.getClass().getSimpleName();
    }

    private static FieldError unknownOption(PropertyDefinition def, String value, String pointer) {
        String options = def.options().stream().map(PropertyOption::key).collect(Collectors.joining(", "));
        String hint = def.options().stream().filter(o -> o.label().equalsIgnoreCase(value)).findFirst()
                .map(o -> " (did you mean the key '" + o.key() + "'? values are option keys, not labels)").orElse("");
        return FieldError.at(pointer, "unknown_option", "'" + abbreviate(value) + "' is not an option of "
                + def.key() + hint + "; options: " + options);
    }

    public static boolean isWebUrl(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static Instant parseInstant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static BigDecimal toDecimal(Object raw) {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return null;
        }
        if (raw instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return null;
        }
        if (raw instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /**
     * {@link LocalDate#parse} of a stored date ({@link LocalDate#toString}: {@code 2026-01-15}), the common
     * form read without the formatter — a full load reads millions of them. Anything else, and a form
     * that is no date, goes to {@link LocalDate#parse}: the same result or the same exception.
     */
    static LocalDate storedDate(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            if ((year | month | day) >= 0 && month >= 1 && month <= 12 && day >= 1
                    && day <= java.time.YearMonth.of(year, month).lengthOfMonth()) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(s);
    }

    /**
     * {@link Instant#parse} of a stored timestamp ({@link Instant#toString}: {@code 2026-01-15T10:00:00Z},
     * {@code 2026-01-15T10:00:00.123Z}), the common form read without the formatter, as {@link #storedDate}.
     */
    static Instant storedInstant(String s) {
        int n = s.length();
        if (n >= 20 && n <= 30 && s.charAt(10) == 'T' && s.charAt(13) == ':' && s.charAt(16) == ':'
                && s.charAt(n - 1) == 'Z' && (n == 20 || s.charAt(19) == '.' && n > 21)) {
            LocalDate date = null;
            try {
                date = s.charAt(4) == '-' && s.charAt(7) == '-' ? storedDate(s.substring(0, 10)) : null;
            } catch (java.time.DateTimeException e) {
                // not a date: Instant.parse says so below
            }
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            int fraction = n == 20 ? 0 : digits(s, 20, n - 1);
            if (date != null && (hour | minute | second | fraction) >= 0 && hour <= 23 && minute <= 59 && second <= 59) {
                int nanos = fraction;
                for (int k = n - 1 - 20; n > 20 && k < 9; k++) {
                    nanos *= 10;
                }
                return Instant.ofEpochSecond(date.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
            }
        }
        return Instant.parse(s);
    }

    /** The decimal digits {@code s[from, to)} as a number, or -1 when one is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The JSON form of a typed value (stored in the database and answered by the API). */
    public static Object toJson(Object typed) {
        if (typed instanceof LocalDate || typed instanceof Instant) {
            return typed.toString();
        }
        if (typed instanceof Collection<?> c) {
            return List.copyOf(c);
        }
        return typed;
    }

    /** The typed form of a stored JSON value; values of unknown type are kept as they are. */
    public static Object fromJson(PropertyType type, Object json) {
        if (json == null || type == null) {
            return json;
        }
        try {
            return switch (type) {
                case DATE -> json instanceof String s ? storedDate(s) : json;
                case DATETIME -> json instanceof String s ? storedInstant(s) : json;
                case NUMBER -> json instanceof Number n ? toDecimal(n) : json;
                case MULTI_ENUM -> json instanceof Collection<?> c
                        ? c.stream().map(String::valueOf).sorted().toList() : json;
                default -> json;
            };
        } catch (DateTimeParseException e) {
            return json;
        }
    }

    /**
     * A text cell (CSV) as the raw value of a property of the type: numbers, booleans (true/false,
     * yes/no, 1/0) and multi_enum lists ({@code a;b}) are converted; anything unparsable stays text
     * so that validation reports it.
     */
    public static Object fromText(PropertyType type, String text) {
        String t = text.trim();
        return switch (type) {
            case NUMBER -> {
                try {
                    yield new BigDecimal(t);
                } catch (NumberFormatException e) {
                    yield text;
                }
            }
            case BOOLEAN -> switch (t.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> Boolean.TRUE;
                case "false", "no", "0" -> Boolean.FALSE;
                default -> text;
            };
            case MULTI_ENUM -> {
                List<String> keys = new ArrayList<>();
                for (String part : t.split(";")) {
                    if (!part.isBlank()) {
                        keys.add(part.trim());
                    }
                }
                yield keys;
            }
            default -> t;
        };
    }

    /** Equality of typed values; numbers compare as decimals ({@code 12} equals {@code 12.0}). */
    public static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
