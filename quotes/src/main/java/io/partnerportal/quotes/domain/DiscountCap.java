package io.partnerportal.quotes.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** The highest discount a segment's contacts may give on a quote line. */
public record DiscountCap(String segmentId, BigDecimal maxDiscountPercent) {

    public DiscountCap {
        Objects.requireNonNull(segmentId, "segmentId");
        Percent.require(maxDiscountPercent);
    }
}
