package io.partnerportal.quotes.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.UnknownMembers;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a contact asks to quote: {@code {"lines": [{"productId", "quantity", "discountPercent"}]}}.
 * Shape errors (a quantity of 0, a discount of 120 %) are found here; a line keeps what was valid in
 * it (the rest is null), so pricing can still report unknown products and caps in the same answer.
 */
public record QuoteRequest(List<Line> lines) {

    public static final int MAX_LINES = 100;
    public static final long MAX_QUANTITY = 1_000_000;
    private static final Set<String> FIELDS = Set.of("lines");
    private static final Set<String> LINE_FIELDS = Set.of("productId", "quantity", "discountPercent");

    public QuoteRequest {
        lines = List.copyOf(lines);
    }

    /**
     * @param productId       null when missing or not a string
     * @param quantity        null when invalid
     * @param discountPercent 0 when the line gives none, null when invalid
     */
    public record Line(String productId, Integer quantity, BigDecimal discountPercent) {
    }

    /** A valid request, or a 422 with every error (pricing errors included: see {@link Pricing#check}). */
    public static QuoteRequest parse(Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        QuoteRequest request = parse(body, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return request;
    }

    /** The request with what was valid in it; shape errors are added to {@code errors}. */
    public static QuoteRequest parse(Map<String, Object> body, List<FieldError> errors) {
        errors.addAll(UnknownMembers.of(body.keySet(), FIELDS, "",
                member -> "'" + member + "' is not a field of a quote (lines)"));
        List<Line> lines = new ArrayList<>();
        Object raw = body.get("lines");
        if (!(raw instanceof List<?> list)) {
            errors.add(FieldError.at("/lines", raw == null ? "required" : "wrong_value_type",
                    "lines must be a list of {productId, quantity, discountPercent}"));
        } else if (list.isEmpty() || list.size() > MAX_LINES) {
            errors.add(FieldError.at("/lines", list.isEmpty() ? "empty" : "too_many_values",
                    "a quote has 1 to " + MAX_LINES + " lines"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                lines.add(line(list.get(i), "/lines/" + i, errors));
            }
        }
        return new QuoteRequest(lines);
    }

    private static Line line(Object raw, String pointer, List<FieldError> errors) {
        if (!(raw instanceof Map<?, ?> map)) {
            errors.add(FieldError.at(pointer, "wrong_value_type", "a line is an object {productId, quantity, "
                    + "discountPercent}"));
            return new Line(null, null, null);
        }
        errors.addAll(UnknownMembers.of(map.keySet(), LINE_FIELDS, pointer,
                member -> "'" + member + "' is not a field of a line (productId, quantity, discountPercent)"));
        Object productId = map.get("productId");
        String product = null;
        if (productId instanceof String s && !s.isBlank()) {
            product = s.trim();
        } else {
            errors.add(FieldError.at(pointer + "/productId", productId == null ? "required" : "wrong_value_type",
                    "productId must be the id of a product of the price book"));
        }
        Object quantity = map.get("quantity");
        Integer qty = null;
        if (!(quantity instanceof BigDecimal q) || q.stripTrailingZeros().scale() > 0) {
            errors.add(FieldError.at(pointer + "/quantity", quantity == null ? "required" : "wrong_value_type",
                    "quantity must be a whole number"));
        } else if (q.signum() <= 0 || q.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
            errors.add(FieldError.at(pointer + "/quantity", "out_of_range", "quantity must be between 1 and "
                    + MAX_QUANTITY));
        } else {
            qty = q.intValueExact();
        }
        Object discount = map.get("discountPercent");
        BigDecimal pct = BigDecimal.ZERO;
        if (discount != null) {
            pct = null;
            if (!(discount instanceof BigDecimal d)) {
                errors.add(FieldError.at(pointer + "/discountPercent", "wrong_value_type",
                        "discountPercent must be a number"));
            } else if (!Percent.isValid(d)) {
                errors.add(FieldError.at(pointer + "/discountPercent", "out_of_range",
                        "discountPercent is 0 to 100 with at most 2 decimals"));
            } else {
                pct = d;
            }
        }
        return new Line(product, qty, pct);
    }

    /**
     * A digest of the request's meaning (lines in order, numbers compared by value), so a retry with the
     * same {@code Idempotency-Key} is recognised and a different request under the same key is refused.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        for (Line line : lines) {
            canonical.append(line.productId()).append('|').append(line.quantity()).append('|')
                    .append(line.discountPercent().stripTrailingZeros().toPlainString()).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
