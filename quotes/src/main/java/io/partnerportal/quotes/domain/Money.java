package io.partnerportal.quotes.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/** Amounts of an ISO 4217 currency, rounded HALF_EVEN at the currency's scale (2 for EUR, 0 for JPY, 3 for BHD). */
public final class Money {

    private Money() {
    }

    /** The number of decimals of a currency, or empty for a code that is not an ISO 4217 money currency. */
    public static Optional<Integer> scaleOf(String currencyCode) {
        if (currencyCode == null || !currencyCode.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            int digits = Currency.getInstance(currencyCode).getDefaultFractionDigits();
            // pseudo-currencies (XAU gold, XXX) have no fraction digits defined: not money one can quote in
            return digits < 0 ? Optional.empty() : Optional.of(digits);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Rounds an amount to the currency's scale, half to even (banker's rounding). */
    public static BigDecimal round(BigDecimal amount, int scale) {
        return amount.setScale(scale, RoundingMode.HALF_EVEN);
    }
}
