package io.partnerportal.quotes.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.UnknownMembers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A product as an admin writes it: {@code {"sku", "name", "listPrice", "currency"}}, validated with
 * every error at once (pointers into the request body).
 */
public record ProductDraft(String sku, String name, BigDecimal listPrice, String currency) {

    public static final int MAX_NAME_LENGTH = 200;
    /** A list price stays below 10^13 in any currency. */
    public static final BigDecimal MAX_PRICE = new BigDecimal("9999999999999");
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-/]{0,63}");
    private static final Set<String> FIELDS = Set.of("sku", "name", "listPrice", "currency", "version", "id",
            "createdAt", "updatedAt");

    public static ProductDraft parse(Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>(UnknownMembers.of(body.keySet(), FIELDS, "",
                member -> "'" + member + "' is not a field of a product (sku, name, listPrice, currency)"));
        String sku = text(body.get("sku"), "/sku", 64, errors);
        if (sku != null && !SKU.matcher(sku).matches()) {
            errors.add(FieldError.at("/sku", "invalid", "a SKU is 1–64 letters, digits, '.', '_', '-' or '/', "
                    + "starting with a letter or digit"));
        }
        String name = text(body.get("name"), "/name", MAX_NAME_LENGTH, errors);
        String currency = text(body.get("currency"), "/currency", 3, errors);
        Integer scale = null;
        if (currency != null) {
            scale = Money.scaleOf(currency).orElse(null);
            if (scale == null) {
                errors.add(FieldError.at("/currency", "unknown_currency", "'" + currency
                        + "' is not an ISO 4217 currency code (upper case, e.g. EUR, USD, JPY)"));
            }
        }
        BigDecimal price = null;
        Object rawPrice = body.get("listPrice");
        if (rawPrice == null) {
            errors.add(FieldError.at("/listPrice", "required", "listPrice is required"));
        } else if (!(rawPrice instanceof BigDecimal p)) {
            errors.add(FieldError.at("/listPrice", "wrong_value_type", "listPrice must be a number"));
        } else if (p.signum() < 0 || p.compareTo(MAX_PRICE) > 0) {
            errors.add(FieldError.at("/listPrice", "out_of_range", "listPrice must be between 0 and " + MAX_PRICE));
        } else if (scale != null && p.stripTrailingZeros().scale() > scale) {
            errors.add(FieldError.at("/listPrice", "too_precise", "a " + currency + " price has at most " + scale
                    + " decimals"));
        } else {
            price = p;
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ProductDraft(sku, name, price.setScale(scale), currency);
    }

    private static String text(Object raw, String pointer, int max, List<FieldError> errors) {
        String field = pointer.substring(1);
        if (raw == null) {
            errors.add(FieldError.at(pointer, "required", field + " is required"));
            return null;
        }
        if (!(raw instanceof String s) || s.isBlank()) {
            errors.add(FieldError.at(pointer, raw instanceof String ? "required" : "wrong_value_type",
                    field + " must be a non-empty string"));
            return null;
        }
        String t = s.trim();
        if (t.length() > max) {
            errors.add(FieldError.at(pointer, "too_long", field + " has at most " + max + " characters"));
            return null;
        }
        return t;
    }
}
