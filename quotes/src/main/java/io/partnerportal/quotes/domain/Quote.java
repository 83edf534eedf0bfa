package io.partnerportal.quotes.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A quote created by a contact for its partner, in one currency; totals are the sums of the lines'
 * rounded amounts, so they always add up on paper.
 *
 * @param number a human-friendly running number
 */
public record Quote(UUID id, long number, UUID partnerId, UUID contactId, String currency, List<QuoteLine> lines,
                    BigDecimal subtotal, BigDecimal discountTotal, BigDecimal total, Instant createdAt) {

    public Quote {
        lines = List.copyOf(lines);
    }
}
