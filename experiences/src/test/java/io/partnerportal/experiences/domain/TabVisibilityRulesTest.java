package io.partnerportal.experiences.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Visible = (role list empty OR effective role in it) AND the audience admits the contact. */
class TabVisibilityRulesTest {

    private static final Map<String, String> SEGMENTS = Map.of("s1", "Prospecting", "s2", "Signed");
    private static final Map<String, String> ROLES = Map.of("admin", "Admin", "sales_rep", "Sales rep");

    private static Tab tab(SegmentGate audience, List<String> roles) {
        return new Tab("t", "Deals", "deals", null, List.of(), audience, roles);
    }

    @Test
    void an_unrestricted_tab_is_visible_to_every_role() {
        TabVisibility.Decision d = TabVisibility.decide(tab(SegmentGate.EVERYONE, List.of()), true, Set.of(),
                "sales_rep", SEGMENTS, ROLES);
        assertThat(d.visible()).isTrue();
        assertThat(d.reason()).isEqualTo("visible: everyone; all roles");
    }

    @Test
    void the_role_list_is_an_allow_list() {
        Tab adminsOnly = tab(SegmentGate.EVERYONE, List.of("admin"));
        assertThat(TabVisibility.decide(adminsOnly, true, Set.of(), "admin", SEGMENTS, ROLES).visible()).isTrue();
        TabVisibility.Decision rep = TabVisibility.decide(adminsOnly, true, Set.of(), "sales_rep", SEGMENTS, ROLES);
        assertThat(rep.visible()).isFalse();
        assertThat(rep.roleReason()).isEqualTo("role Sales rep is not in [Admin]");
    }

    @Test
    void the_audience_and_the_role_must_both_pass_and_the_reason_names_the_segments() {
        Tab tab = tab(new SegmentGate.AnyOf(List.of("s1", "s2")), List.of("admin"));
        TabVisibility.Decision in = TabVisibility.decide(tab, true, Set.of("s2", "other"), "admin", SEGMENTS, ROLES);
        assertThat(in.visible()).isTrue();
        assertThat(in.audienceReason()).isEqualTo("in segment Signed");
        TabVisibility.Decision out = TabVisibility.decide(tab, false, Set.of(), "admin", SEGMENTS, ROLES);
        assertThat(out.visible()).isFalse();
        assertThat(out.audienceReason()).isEqualTo("not in any of: Prospecting, Signed");
        assertThat(TabVisibility.decide(tab, true, Set.of("s1"), "sales_rep", SEGMENTS, ROLES).visible()).isFalse();
    }

    @Test
    void experiences_are_tried_by_priority_then_age_then_id() {
        java.time.Instant t0 = java.time.Instant.parse("2024-01-01T00:00:00Z");
        List<ExperienceOrder.Candidate> candidates = new java.util.ArrayList<>(List.of(
                new ExperienceOrder.Candidate("c", 10, t0.plusSeconds(5)),
                new ExperienceOrder.Candidate("b", 10, t0),
                new ExperienceOrder.Candidate("a", 20, t0),
                new ExperienceOrder.Candidate("d", 1, t0.plusSeconds(9))));
        candidates.sort(ExperienceOrder.FIRST_WINS);
        assertThat(candidates).extracting(ExperienceOrder.Candidate::id).containsExactly("d", "b", "c", "a");
    }
}
