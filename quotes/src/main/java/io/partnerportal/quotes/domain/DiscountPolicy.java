package io.partnerportal.quotes.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How much discount a contact may give: the highest cap among the segments the contact is in; a
 * contact in none of the capped segments gets the default (0 unless set). A segment cap therefore
 * overrides the default both ways — it can raise or restrict it for that segment.
 */
public record DiscountPolicy(BigDecimal defaultMaxPercent, List<DiscountCap> caps) {

    public DiscountPolicy {
        Percent.require(defaultMaxPercent);
        caps = List.copyOf(caps);
    }

    /** The cap that applies to a contact in these segments, and the segment that set it (empty: the default). */
    public Applied forSegments(Set<String> contactSegments) {
        Optional<DiscountCap> best = caps.stream().filter(c -> contactSegments.contains(c.segmentId()))
                .max((a, b) -> a.maxDiscountPercent().compareTo(b.maxDiscountPercent()));
        return best.map(c -> new Applied(c.maxDiscountPercent(), c.segmentId()))
                .orElse(new Applied(defaultMaxPercent, null));
    }

    /** @param segmentId the segment whose cap applies, or null for the default */
    public record Applied(BigDecimal maxPercent, String segmentId) {
    }
}
