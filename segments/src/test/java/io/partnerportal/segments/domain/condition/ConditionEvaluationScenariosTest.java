package io.partnerportal.segments.domain.condition;

import io.partnerportal.segments.domain.SegmentLevel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.partnerportal.segments.domain.condition.Fixtures.Ctx;
import static io.partnerportal.segments.domain.condition.Fixtures.Rec;
import static org.assertj.core.api.Assertions.assertThat;

/** Scenarios across records: contacts of a partner, segment membership, explanations. */
class ConditionEvaluationScenariosTest {

    private final Rec acme = Rec.of("acme", "tier", "gold", "revenue", new java.math.BigDecimal("120"));
    private final Rec ann = Rec.of("ann", "email", "ann@acme.com", "role", "admin", "certified", true);
    private final Rec bob = Rec.of("bob", "email", "bob@acme.com", "role", "viewer", "certified", false);

    @Test
    void aGoldPartnerWithACertifiedAdminIsInTheSegment() {
        CompiledCondition segment = Fixtures.compiled("""
                {'all': [
                  {'property': 'partner.tier', 'op': 'in', 'values': ['gold', 'platinum']},
                  {'op': 'any_contact', 'where': {'all': [
                    {'property': 'contact.role', 'op': 'in', 'values': ['admin']},
                    {'property': 'contact.certified', 'op': 'is_true'}]}}]}""", SegmentLevel.PARTNER);

        assertThat(segment.matches(acme, null, new Ctx().contacts("acme", bob, ann))).isTrue();
        assertThat(segment.matches(acme, null, new Ctx().contacts("acme", bob))).isFalse();
        assertThat(segment.matches(acme, null, new Ctx())).isFalse();
    }

    @Test
    void allContactsIsFalseForAPartnerWithoutContacts() {
        CompiledCondition segment = Fixtures.compiled(
                "{'op': 'all_contacts', 'where': {'property': 'contact.email', 'op': 'ends_with', 'value': '@acme.com'}}",
                SegmentLevel.PARTNER);

        assertThat(segment.matches(acme, null, new Ctx().contacts("acme", ann, bob))).isTrue();
        assertThat(segment.matches(acme, null, new Ctx().contacts("acme", ann, Rec.of("eve", "email", "eve@x.org"))))
                .isFalse();
        assertThat(segment.matches(acme, null, new Ctx())).isFalse();
    }

    @Test
    void contactScopeShortCircuitsOnTheDecidingContact() {
        CompiledCondition segment = Fixtures.compiled(
                "{'op': 'any_contact', 'where': {'property': 'contact.role', 'op': 'in', 'values': ['admin']}}",
                SegmentLevel.PARTNER);
        List<String> visited = new java.util.ArrayList<>();
        Values spyAnn = new Values() {
            public String id() {
                return "ann";
            }

            public Object value(String key) {
                visited.add("ann");
                return ann.value(key);
            }
        };
        Values spyBob = new Values() {
            public String id() {
                return "bob";
            }

            public Object value(String key) {
                visited.add("bob");
                return bob.value(key);
            }
        };

        assertThat(segment.matches(acme, null, new Ctx().contacts("acme", spyAnn, spyBob))).isTrue();
        assertThat(visited).containsExactly("ann");
    }

    @Test
    void inSegmentAsksAboutThePartnerOrTheContactByTheReferencedLevel() {
        CompiledCondition partnerLevel = Fixtures.compiled("""
                {'all': [{'op': 'in_segment', 'segment': 'gold-partners'},
                         {'op': 'any_contact', 'where': {'op': 'in_segment', 'segment': 'champions'}}]}""",
                SegmentLevel.PARTNER);
        Ctx ctx = new Ctx().contacts("acme", ann, bob).partnersIn("gold-partners", "acme").contactsIn("champions", "bob");

        assertThat(partnerLevel.matches(acme, null, ctx)).isTrue();
        assertThat(partnerLevel.matches(acme, null, new Ctx().contacts("acme", ann, bob).contactsIn("champions", "bob")))
                .isFalse();

        CompiledCondition contactLevel = Fixtures.compiled("""
                {'all': [{'op': 'in_segment', 'segment': 'gold-partners'},
                         {'op': 'not_in_segment', 'segment': 'champions'}]}""", SegmentLevel.CONTACT);
        assertThat(contactLevel.matches(acme, ann, ctx)).isTrue();
        assertThat(contactLevel.matches(acme, bob, ctx)).isFalse();
    }

    @Test
    void withoutSegmentLevelsAtCompileTimeInSegmentStillAnswersRight() {
        Condition condition = Fixtures.condition("""
                {'all': [{'op': 'in_segment', 'segment': 'gold-partners'},
                         {'op': 'not_in_segment', 'segment': 'champions'}]}""");
        CompiledCondition contactLevel = CompiledCondition.compile(condition, SegmentLevel.CONTACT, Fixtures.catalogue());
        Ctx ctx = new Ctx().partnersIn("gold-partners", "acme").contactsIn("champions", "bob");

        assertThat(contactLevel.matches(acme, ann, ctx)).isTrue();
        assertThat(contactLevel.matches(acme, bob, ctx)).isFalse();
    }

    @Test
    void aContactLevelSegmentReadsItsPartnersValues() {
        CompiledCondition segment = Fixtures.compiled("""
                {'all': [{'property': 'partner.tier', 'op': 'in', 'values': ['gold']},
                         {'property': 'contact.role', 'op': 'in', 'values': ['admin']}]}""", SegmentLevel.CONTACT);

        assertThat(segment.matches(acme, ann, new Ctx())).isTrue();
        assertThat(segment.matches(acme, bob, new Ctx())).isFalse();
        assertThat(segment.matches(Rec.of("other", "tier", "silver"), ann, new Ctx())).isFalse();
    }

    @Test
    void relativeDatesFollowTheContextsToday() {
        CompiledCondition segment = Fixtures.compiled(
                "{'property': 'partner.d', 'op': 'within_last', 'value': 7, 'unit': 'days'}", SegmentLevel.PARTNER);
        Rec partner = Rec.of("p", "d", java.time.LocalDate.parse("2026-03-20"));
        Ctx ctx = new Ctx();

        ctx.today = java.time.LocalDate.parse("2026-03-27");
        assertThat(segment.matches(partner, null, ctx)).isTrue();
        ctx.today = java.time.LocalDate.parse("2026-03-28");
        assertThat(segment.matches(partner, null, ctx)).isFalse();
        ctx.today = java.time.LocalDate.parse("2026-03-21");
        assertThat(segment.matches(partner, null, ctx)).isTrue();
    }

    @Test
    void anExplanationSaysWhyAndMarksWhatShortCircuitSkipped() {
        CompiledCondition segment = Fixtures.compiled("""
                {'all': [
                  {'property': 'partner.tier', 'op': 'in', 'values': ['platinum', 'silver']},
                  {'property': 'partner.revenue', 'op': 'gt', 'value': 100}]}""", SegmentLevel.PARTNER);

        Explanation explanation = segment.explain(acme, null, new Ctx());

        assertThat(explanation.result()).isFalse();
        ExplainedNode tier = explanation.root().children().get(0);
        assertThat(tier.text()).isEqualTo("partner.tier = gold; expected any of [platinum, silver] → false");
        assertThat(tier.pointer()).isEqualTo("/all/0");
        assertThat(tier.actual()).isEqualTo("gold");
        assertThat(tier.expected()).isEqualTo(List.of("platinum", "silver"));
        ExplainedNode revenue = explanation.root().children().get(1);
        assertThat(revenue.evaluated()).isFalse();
        assertThat(revenue.result()).isNull();
        assertThat(revenue.property()).isEqualTo("partner.revenue");
    }

    @Test
    void anExplanationNamesAnUnsetValue() {
        CompiledCondition segment = Fixtures.compiled("{'property': 'contact.email', 'op': 'is_set'}",
                SegmentLevel.CONTACT);

        assertThat(segment.explain(acme, Rec.of("c"), new Ctx()).root().text()).isEqualTo("contact.email is not set → false");
    }

    @Test
    void anExplanationOfContactScopeNamesTheDecidingContact() {
        CompiledCondition any = Fixtures.compiled(
                "{'op': 'any_contact', 'where': {'property': 'contact.role', 'op': 'in', 'values': ['admin']}}",
                SegmentLevel.PARTNER);
        CompiledCondition all = Fixtures.compiled(
                "{'op': 'all_contacts', 'where': {'property': 'contact.certified', 'op': 'is_true'}}", SegmentLevel.PARTNER);
        Ctx ctx = new Ctx().contacts("acme", bob, ann);

        Explanation anyExplained = any.explain(acme, null, ctx);
        assertThat(anyExplained.result()).isTrue();
        assertThat(anyExplained.root().text()).contains("ann").endsWith("→ true");
        assertThat(anyExplained.root().children()).extracting(ExplainedNode::actual).containsExactly("bob", "ann");

        Explanation allExplained = all.explain(acme, null, ctx);
        assertThat(allExplained.result()).isFalse();
        assertThat(allExplained.root().text()).isEqualTo("all_contacts: contact bob does not match → false");

        assertThat(all.explain(acme, null, new Ctx()).root().text()).contains("no contacts");
    }

    @Test
    void readsNamesEveryPropertyIncludingThoseInsideContactScope() {
        CompiledCondition segment = Fixtures.compiled("""
                {'any': [{'property': 'partner.tier', 'op': 'is_set'},
                         {'op': 'any_contact', 'where': {'property': 'contact.email', 'op': 'is_set'}}]}""",
                SegmentLevel.PARTNER);

        assertThat(segment.reads()).extracting(PropertyRef::qualified).containsExactly("partner.tier", "contact.email");
    }
}
