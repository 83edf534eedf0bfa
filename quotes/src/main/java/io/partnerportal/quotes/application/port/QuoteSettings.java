package io.partnerportal.quotes.application.port;

import io.partnerportal.quotes.domain.DiscountCap;
import io.partnerportal.quotes.domain.DiscountPolicy;
import io.partnerportal.segments.api.Audience;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin's quote settings (one per portal): who may create quotes, the default maximum discount
 * and per-segment caps.
 */
public record QuoteSettings(Audience allowQuoteCreation, BigDecimal defaultMaxDiscountPercent,
                            List<DiscountCap> discountCaps, long version, Instant updatedAt) {

    public QuoteSettings {
        discountCaps = List.copyOf(discountCaps);
    }

    public DiscountPolicy discountPolicy() {
        return new DiscountPolicy(defaultMaxDiscountPercent, discountCaps);
    }

    /** JSON-like, for the audit log. */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("allowQuoteCreation", allowQuoteCreation.toJson());
        m.put("defaultMaxDiscountPercent", defaultMaxDiscountPercent);
        m.put("discountCaps", discountCaps.stream().map(c -> Map.of("segmentId", c.segmentId(),
                "maxDiscountPercent", c.maxDiscountPercent())).toList());
        m.put("version", version);
        return m;
    }
}
