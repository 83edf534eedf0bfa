package io.partnerportal.crm.sync.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts values between a CRM's representation and the portal's JSON-like property values. CRMs
 * send strings for everything (HubSpot: booleans as {@code "true"}, multi-selects joined with
 * {@code ;}, dates as epoch milliseconds at midnight UTC); the portal's catalogue validates the result.
 */
public final class CrmValues {

    private CrmValues() {
    }

    /** A CRM value that does not fit the property's type. */
    public static final class Unconvertible extends Exception {
        public Unconvertible(String message) {
            super(message);
        }
    }

    /**
     * @param type the portal property's type ({@code string}, {@code number}, {@code boolean}, {@code date},
     *             {@code datetime}, {@code enum}, {@code multi_enum}, {@code user}, {@code url})
     * @return the JSON-like portal value; null (unset) for null or an empty string
     */
    public static Object toPortal(String type, Object raw) throws Unconvertible {
        if (raw == null || raw instanceof String s && s.isBlank()) {
            return null;
        }
        return switch (type) {
            case "number" -> number(raw);
            case "boolean" -> bool(raw);
            case "date" -> date(raw);
            case "datetime" -> datetime(raw);
            case "multi_enum" -> list(raw);
            default -> raw instanceof String s ? s.trim() : text(raw);
        };
    }

    /** A typed portal value (BigDecimal, LocalDate, Instant, List, Boolean, String) as JSON for a CRM. */
    public static Object toCrm(Object value) {
        if (value instanceof LocalDate || value instanceof Instant) {
            return value.toString();
        }
        return value;
    }

    private static String text(Object raw) throws Unconvertible {
        if (raw instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        throw new Unconvertible("expected a text value, got " + describe(raw));
    }

    private static BigDecimal number(Object raw) throws Unconvertible {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (raw instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new Unconvertible("'" + s + "' is not a number");
            }
        }
        throw new Unconvertible("expected a number, got " + describe(raw));
    }

    private static Boolean bool(Object raw) throws Unconvertible {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> {
                    return true;
                }
                case "false", "no", "0" -> {
                    return false;
                }
                default -> throw new Unconvertible("'" + s + "' is not a boolean");
            }
        }
        throw new Unconvertible("expected a boolean, got " + describe(raw));
    }

    private static String date(Object raw) throws Unconvertible {
        String s = raw.toString().trim();
        if (s.matches("\\d{9,}")) {
            return Instant.ofEpochMilli(Long.parseLong(s)).atZone(ZoneOffset.UTC).toLocalDate().toString();
        }
        try {
            return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s).toString();
        } catch (DateTimeParseException e) {
            throw new Unconvertible("'" + s + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static String datetime(Object raw) throws Unconvertible {
        String s = raw.toString().trim();
        if (s.matches("\\d{9,}")) {
            return Instant.ofEpochMilli(Long.parseLong(s)).toString();
        }
        try {
            return Instant.parse(s).toString();
        } catch (DateTimeParseException e) {
            throw new Unconvertible("'" + s + "' is not an ISO-8601 instant");
        }
    }

    private static List<String> list(Object raw) throws Unconvertible {
        List<String> out = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object item : list) {
                if (item != null && !item.toString().isBlank()) {
                    out.add(item.toString().trim());
                }
            }
            return out;
        }
        if (raw instanceof String s) {
            for (String part : s.split(";")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        throw new Unconvertible("expected a list or a ';'-separated text, got " + describe(raw));
    }

    private static String describe(Object raw) {
        return raw instanceof List<?> ? "a list" : raw instanceof java.util.Map<?, ?> ? "an object" : "'" + raw + "'";
    }
}
