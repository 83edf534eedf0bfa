package io.partnerportal.quotes.domain;

import java.math.BigDecimal;

/** Discount percentages: 0 to 100 with at most two decimals. */
public final class Percent {

    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    public static boolean isValid(BigDecimal p) {
        return p != null && p.signum() >= 0 && p.compareTo(HUNDRED) <= 0 && p.stripTrailingZeros().scale() <= 2;
    }

    public static BigDecimal require(BigDecimal p) {
        if (!isValid(p)) {
            throw new IllegalArgumentException("a percentage is 0 to 100 with at most 2 decimals: " + p);
        }
        return p;
    }

    /** Two decimals, for answers ({@code 15} → {@code 15.00}). */
    public static BigDecimal normal(BigDecimal p) {
        return p.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
