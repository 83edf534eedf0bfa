package io.partnerportal.quotes.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Prices a quote request against the price book and the contact's discount cap: an unknown product,
 * a discount above the cap, or a second currency are errors (every one, with its pointer); amounts
 * are rounded HALF_EVEN at the currency's scale per line, and the quote's totals are the sums of the
 * lines.
 */
public final class Pricing {

    private Pricing() {
    }

    /** The priced lines and totals of a valid request. */
    public record Priced(String currency, List<QuoteLine> lines, BigDecimal subtotal, BigDecimal discountTotal,
                         BigDecimal total) {
    }

    /**
     * @param products   the price book entries the request names, by id (missing ones are unknown)
     * @param maxPercent the contact's discount cap
     */
    public static Priced price(QuoteRequest request, Map<UUID, Product> products, BigDecimal maxPercent) {
        List<FieldError> errors = new ArrayList<>();
        String currency = check(request, products, maxPercent, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int scale = Money.scaleOf(currency).orElseThrow();
        List<QuoteLine> lines = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO.setScale(scale);
        BigDecimal discountTotal = BigDecimal.ZERO.setScale(scale);
        for (int i = 0; i < request.lines().size(); i++) {
            QuoteRequest.Line line = request.lines().get(i);
            Product product = productOf(line, products);
            BigDecimal lineSubtotal = Money.round(product.listPrice().multiply(BigDecimal.valueOf(line.quantity())),
                    scale);
            BigDecimal lineDiscount = Money.round(lineSubtotal.multiply(line.discountPercent())
                    .divide(Percent.HUNDRED), scale);
            lines.add(new QuoteLine(i, product.id(), product.sku(), product.name(), line.quantity(),
                    product.listPrice(), Percent.normal(line.discountPercent()), lineSubtotal, lineDiscount,
                    lineSubtotal.subtract(lineDiscount)));
            subtotal = subtotal.add(lineSubtotal);
            discountTotal = discountTotal.add(lineDiscount);
        }
        return new Priced(currency, lines, subtotal, discountTotal, subtotal.subtract(discountTotal));
    }

    private static Product productOf(QuoteRequest.Line line, Map<UUID, Product> products) {
        try {
            return products.get(UUID.fromString(line.productId()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Adds an error for every unknown product, second currency and discount above the cap (lines may
     * be partial, see {@link QuoteRequest.Line}); answers the quote's currency.
     */
    public static String check(QuoteRequest request, Map<UUID, Product> products, BigDecimal maxPercent,
                               List<FieldError> errors) {
        String currency = null;
        int firstCurrencyLine = -1;
        for (int i = 0; i < request.lines().size(); i++) {
            QuoteRequest.Line line = request.lines().get(i);
            String pointer = "/lines/" + i;
            Product product = line.productId() == null ? null : productOf(line, products);
            if (product == null) {
                if (line.productId() != null) {
                    errors.add(FieldError.at(pointer + "/productId", "unknown_product", "there is no product "
                            + line.productId() + " in the price book"));
                }
            } else if (currency == null) {
                currency = product.currency();
                firstCurrencyLine = i;
            } else if (!currency.equals(product.currency())) {
                errors.add(FieldError.at(pointer + "/productId", "mixed_currencies", "this product is priced in "
                        + product.currency() + " but line " + firstCurrencyLine + " is in " + currency
                        + "; a quote has one currency"));
            }
            if (line.discountPercent() != null && line.discountPercent().compareTo(maxPercent) > 0) {
                errors.add(FieldError.at(pointer + "/discountPercent", "discount_above_cap", "your maximum discount "
                        + "is " + maxPercent.stripTrailingZeros().toPlainString() + "%"));
            }
        }
        return currency;
    }

    /** Product ids as UUIDs; ids that are not UUIDs name no product. */
    public static List<UUID> productIds(QuoteRequest request) {
        List<UUID> ids = new ArrayList<>();
        for (QuoteRequest.Line line : request.lines()) {
            if (line.productId() == null) {
                continue;
            }
            try {
                ids.add(UUID.fromString(line.productId()));
            } catch (IllegalArgumentException e) {
                // not a product id: reported as unknown when priced
            }
        }
        return ids;
    }
}
