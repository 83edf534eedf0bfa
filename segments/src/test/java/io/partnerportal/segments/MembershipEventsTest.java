package io.partnerportal.segments;

import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.common.Actor;
import io.partnerportal.segments.api.event.MemberChange;
import io.partnerportal.segments.api.event.SegmentMembershipChanged;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.partnerportal.segments.Scenario.leaf;
import static org.assertj.core.api.Assertions.assertThat;

/** Other modules learn of joins and leaves from one event per segment and transaction. */
@ScenarioTest
class MembershipEventsTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    MembershipEvents events;

    @Test
    void a_partner_moving_phase_is_one_leave_event_and_one_join_event_with_cause_and_actor() {
        Scenario s = new Scenario(new TestHttp(server.getURL()));
        String acme = s.partner("Events Acme", Map.of("onboarding_phase", "prospecting"));
        String prospecting = s.segment("Events prospecting", "partner",
                leaf("partner.onboarding_phase", "in", List.of("prospecting")));
        String signed = s.segment("Events signed", "partner",
                leaf("partner.onboarding_phase", "in", List.of("signed_contract")));
        int before = events.of(prospecting).size();

        s.setPartner(acme, Map.of("onboarding_phase", "signed_contract"));

        List<SegmentMembershipChanged> left = events.of(prospecting).subList(before, events.of(prospecting).size());
        assertThat(left).hasSize(1);
        assertThat(left.get(0).changes()).containsExactly(new MemberChange(acme, acme, false));
        assertThat(left.get(0).cause()).isEqualTo("property_change");
        assertThat(left.get(0).actor().kind()).isEqualTo(Actor.Kind.ADMIN);
        assertThat(left.get(0).level()).isEqualTo("partner");
        List<SegmentMembershipChanged> joined = events.of(signed);
        assertThat(joined).hasSize(1);
        assertThat(joined.get(0).changes()).containsExactly(new MemberChange(acme, acme, true));
    }

    @Test
    void a_segment_edit_moving_many_members_is_one_event() {
        Scenario s = new Scenario(new TestHttp(server.getURL()));
        List<String> golds = List.of(s.partner("Events Gold 1", Map.of("tier", "gold")),
                s.partner("Events Gold 2", Map.of("tier", "gold")), s.partner("Events Gold 3", Map.of("tier", "gold")));
        String seg = s.segment("Events tiered", "partner", leaf("partner.tier", "in", List.of("platinum")));
        s.admin.put("/api/admin/segments/" + seg, Map.of("name", "Events tiered", "version", 1, "condition",
                leaf("partner.tier", "in", List.of("gold")))).expect(200);

        List<SegmentMembershipChanged> edits = events.of(seg).stream()
                .filter(e -> e.changes().stream().allMatch(MemberChange::joined) && !e.changes().isEmpty()).toList();
        assertThat(edits).hasSize(1);
        assertThat(edits.get(0).cause()).isEqualTo("segment_edit");
        assertThat(edits.get(0).changes()).extracting(MemberChange::memberId).containsAll(golds);
    }
}
