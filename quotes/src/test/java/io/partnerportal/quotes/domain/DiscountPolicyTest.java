package io.partnerportal.quotes.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscountPolicyTest {

    final DiscountPolicy policy = new DiscountPolicy(new BigDecimal("5"), List.of(
            new DiscountCap("gold", new BigDecimal("10")), new DiscountCap("certified", new BigDecimal("20")),
            new DiscountCap("probation", new BigDecimal("2"))));

    @Test
    void the_highest_cap_among_the_contacts_segments_wins() {
        assertThat(policy.forSegments(Set.of("gold", "certified", "other"))).isEqualTo(
                new DiscountPolicy.Applied(new BigDecimal("20"), "certified"));
        assertThat(policy.forSegments(Set.of("gold")).maxPercent()).isEqualByComparingTo("10");
    }

    @Test
    void a_contact_in_no_capped_segment_gets_the_default_and_a_cap_may_restrict_below_it() {
        assertThat(policy.forSegments(Set.of("other"))).isEqualTo(new DiscountPolicy.Applied(new BigDecimal("5"), null));
        assertThat(policy.forSegments(Set.of("probation")).maxPercent()).isEqualByComparingTo("2");
    }

    @Test
    void percentages_are_0_to_100_with_two_decimals() {
        assertThat(Percent.isValid(new BigDecimal("12.50"))).isTrue();
        assertThat(Percent.isValid(new BigDecimal("12.505"))).isFalse();
        assertThat(Percent.isValid(new BigDecimal("100.01"))).isFalse();
        assertThat(Percent.isValid(new BigDecimal("-1"))).isFalse();
        assertThatThrownBy(() -> new DiscountCap("s", new BigDecimal("101"))).isInstanceOf(IllegalArgumentException.class);
    }
}
