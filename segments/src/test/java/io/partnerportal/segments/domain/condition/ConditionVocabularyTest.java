package io.partnerportal.segments.domain.condition;

import io.partnerportal.segments.domain.SegmentLevel;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small value types the application layer builds on. */
class ConditionVocabularyTest {

    @Test
    void segmentLevelsReadAndWriteTheirJsonNames() {
        assertThat(SegmentLevel.fromJson("partner")).isEqualTo(SegmentLevel.PARTNER);
        assertThat(SegmentLevel.fromJson("contact")).isEqualTo(SegmentLevel.CONTACT);
        assertThat(SegmentLevel.CONTACT.jsonName()).isEqualTo("contact");
        assertThatThrownBy(() -> SegmentLevel.fromJson("Partner")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void propertyRefsAreScopeAndKey() {
        PropertyRef tier = PropertyRef.parse("partner.tier");

        assertThat(tier).isEqualTo(new PropertyRef(Scope.PARTNER, "tier"));
        assertThat(tier.qualified()).isEqualTo("partner.tier");
        assertThat(PropertyRef.parse("contact.last_login").scope()).isEqualTo(Scope.CONTACT);
        assertThatThrownBy(() -> PropertyRef.parse("tier")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PropertyRef.parse("partner.")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PropertyRef.parse("partner.a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNegativeTwinsAreExactlyTheContractsList() {
        Set<Operator> negative = EnumSet.noneOf(Operator.class);
        Arrays.stream(Operator.values()).filter(Operator::isNegative).forEach(negative::add);

        assertThat(negative).containsExactlyInAnyOrder(Operator.NEQ, Operator.NOT_IN, Operator.NOT_CONTAINS,
                Operator.CONTAINS_NONE, Operator.IS_NOT_SET, Operator.IS_EMPTY);
        assertThat(Operator.IS_EMPTY.positiveTwin()).contains(Operator.IS_NOT_EMPTY);
    }

    @Test
    void nodesRefuseShapesTheParserWouldRefuse() {
        assertThatThrownBy(() -> new All(java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Comparison.unary(PropertyRef.parse("partner.n"), Operator.LT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Comparison(PropertyRef.parse("partner.d"), Operator.WITHIN_LAST,
                java.util.List.of(java.math.BigDecimal.ONE), false, null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Condition(All.of(Comparison.unary(PropertyRef.parse("partner.s"), Operator.IS_SET),
                Comparison.relative(PropertyRef.parse("partner.d"), Operator.WITHIN_LAST, 30, DateUnit.DAYS))).toJson())
                .isEqualTo(Fixtures.json("{'all': [{'property': 'partner.s', 'op': 'is_set'}, "
                        + "{'property': 'partner.d', 'op': 'within_last', 'value': 30, 'unit': 'days'}]}"));
    }
}
