package io.partnerportal.segments;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.partnerportal.segments.Scenario.all;
import static io.partnerportal.segments.Scenario.inSegment;
import static io.partnerportal.segments.Scenario.leaf;
import static org.assertj.core.api.Assertions.assertThat;

/** Preview before save, explain, versions, contact access, audit and lint warnings. */
@ScenarioTest
class SegmentInsightTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    Scenario s;
    String gold;
    String silver;
    String ann;
    String bob;
    String goldSegment;

    @BeforeAll
    void data() {
        s = new Scenario(new TestHttp(server.getURL()));
        gold = s.partner("Insight Gold", Map.of("tier", "gold", "onboarding_phase", "active"));
        silver = s.partner("Insight Silver", Map.of("tier", "silver", "onboarding_phase", "prospecting"));
        ann = s.contact(gold, "ann@insightgold.example", Map.of("certified", true));
        bob = s.contact(silver, "bob@insightsilver.example", Map.of());
        goldSegment = s.segment("Insight gold", "partner", leaf("partner.tier", "in", List.of("gold", "platinum")));
    }

    @Test
    void preview_counts_samples_and_shows_who_would_join_and_leave_without_saving() {
        long segmentsBefore = s.admin.get("/api/admin/segments").json().get("total").asLong();
        JsonNode preview = s.admin.post("/api/admin/segments/preview", Map.of("level", "partner", "segmentId",
                goldSegment, "condition", leaf("partner.tier", "in", List.of("silver")))).expect(200).json();
        assertThat(preview.get("memberCount").asLong()).isEqualTo(1);
        assertThat(preview.get("contactCount").asLong()).isEqualTo(1);
        assertThat(preview.at("/sample/items/0/id").asText()).isEqualTo(silver);
        assertThat(preview.at("/sample/items/0/name").asText()).isEqualTo("Insight Silver");
        assertThat(preview.get("joinedCount").asLong()).isEqualTo(1);
        assertThat(preview.at("/joined/items/0/id").asText()).isEqualTo(silver);
        assertThat(preview.get("leftCount").asLong()).isEqualTo(1);
        assertThat(preview.at("/left/items/0/id").asText()).isEqualTo(gold);
        assertThat(s.admin.get("/api/admin/segments").json().get("total").asLong()).isEqualTo(segmentsBefore);
        assertThat(s.members(goldSegment)).containsExactly(gold);
    }

    @Test
    void preview_validates_like_saving() {
        JsonNode problem = s.admin.post("/api/admin/segments/preview", Map.of("level", "partner",
                "condition", leaf("partner.tier", "in", List.of("diamond")))).problem(422);
        assertThat(problem.at("/errors/0/pointer").asText()).isEqualTo("/condition/values/0");
        s.admin.post("/api/admin/segments/preview", Map.of("condition", leaf("partner.tier", "is_set", null)))
                .problem(422);
        s.admin.post("/api/admin/segments/preview", Map.of("level", "partner", "segmentId",
                "7a1f0000-0000-4000-8000-000000000000", "condition", leaf("partner.tier", "is_set", null))).problem(422);
    }

    @Test
    void explain_names_the_failing_leaf_with_the_values_compared() {
        JsonNode explain = s.admin.get("/api/admin/segments/" + goldSegment + "/explain?partnerId=" + silver)
                .expect(200).json();
        assertThat(explain.get("member").asBoolean()).isFalse();
        assertThat(explain.get("result").asBoolean()).isFalse();
        assertThat(explain.get("segmentVersion").asLong()).isEqualTo(1);
        assertThat(explain.at("/tree/actual").asText()).isEqualTo("silver");
        assertThat(explain.at("/tree/text").asText()).contains("silver").contains("gold").contains("false");
    }

    @Test
    void explain_for_a_contact_of_a_partner_level_segment_goes_through_its_partner_and_expands_in_segment() {
        String certifiedAtGold = s.segment("Insight certified at gold", "contact",
                all(leaf("contact.certified", "is_true", null), inSegment(goldSegment)));
        JsonNode viaPartner = s.admin.get("/api/admin/segments/" + goldSegment + "/explain?contactId=" + ann)
                .expect(200).json();
        assertThat(viaPartner.get("via").asText()).isEqualTo("partner");
        assertThat(viaPartner.get("member").asBoolean()).isTrue();

        JsonNode explain = s.admin.get("/api/admin/segments/" + certifiedAtGold + "/explain?contactId=" + ann)
                .expect(200).json();
        assertThat(explain.get("result").asBoolean()).isTrue();
        assertThat(explain.get("consistent").asBoolean()).isTrue();
        JsonNode inSegmentNode = explain.at("/tree/children/1");
        assertThat(inSegmentNode.get("kind").asText()).isEqualTo("in_segment");
        assertThat(inSegmentNode.at("/expanded/segmentName").asText()).isEqualTo("Insight gold");
        assertThat(inSegmentNode.at("/expanded/tree/actual").asText()).isEqualTo("gold");

        JsonNode shortCircuit = s.admin.get("/api/admin/segments/" + certifiedAtGold + "/explain?contactId=" + bob)
                .expect(200).json();
        assertThat(shortCircuit.at("/tree/children/0/result").asBoolean()).isFalse();
        assertThat(shortCircuit.at("/tree/children/1/shortCircuited").asBoolean()).isTrue();
        s.admin.get("/api/admin/segments/" + certifiedAtGold + "/explain?partnerId=" + gold).problem(422);
        s.admin.get("/api/admin/segments/" + certifiedAtGold + "/explain").problem(422);
        s.admin.get("/api/admin/segments/" + certifiedAtGold + "/explain?contactId=7a1f0000-0000-4000-8000-000000000000")
                .problem(404);
    }

    @Test
    void explain_expands_an_in_segment_below_any_contact_for_each_contact_of_the_partner() {
        String certified = s.segment("Insight certified contacts", "contact", leaf("contact.certified", "is_true", null));
        String withCertified = s.segment("Insight partners with a certified contact", "partner",
                Map.of("op", "any_contact", "where", inSegment(certified)));
        JsonNode explain = s.admin.get("/api/admin/segments/" + withCertified + "/explain?partnerId=" + gold)
                .expect(200).json();
        assertThat(explain.get("member").asBoolean()).isTrue();
        JsonNode perContact = explain.at("/tree/children/0");
        assertThat(perContact.get("kind").asText()).isEqualTo("contact");
        assertThat(perContact.get("actual").asText()).isEqualTo(ann);
        JsonNode expanded = perContact.at("/children/0/expanded");
        assertThat(expanded.get("segmentName").asText()).isEqualTo("Insight certified contacts");
        // evaluated for ann, the contact iterated, whose certified flag is true
        assertThat(expanded.get("result").asBoolean()).isTrue();
        assertThat(expanded.at("/tree/actual").asBoolean()).isTrue();
    }

    @Test
    void insight_endpoints_answer_404_for_unknown_segments_partners_and_contacts() {
        String unknown = "7a1f0000-0000-4000-8000-000000000000";
        s.admin.get("/api/admin/segments/" + unknown + "/history").problem(404);
        s.admin.get("/api/admin/segments/" + unknown + "/history/batches/1").problem(404);
        s.admin.get("/api/admin/segments/" + goldSegment + "/history/batches/987654321").problem(404);
        s.admin.get("/api/admin/segments/" + unknown + "/versions").problem(404);
        s.admin.get("/api/admin/segments/" + unknown + "/usages").problem(404);
        s.admin.get("/api/admin/segments/" + unknown + "/explain?partnerId=" + gold).problem(404);
        s.admin.get("/api/admin/segments/" + goldSegment + "/explain?partnerId=" + unknown).problem(404);
        s.admin.get("/api/admin/partners/" + unknown + "/membership-history").problem(404);
        s.admin.get("/api/admin/contacts/" + unknown + "/membership-history").problem(404);
        s.admin.get("/api/admin/contacts/" + unknown + "/access").problem(404);
        s.admin.get("/api/admin/segments/" + unknown + "/members").problem(404);
        s.admin.get("/api/admin/segments/" + unknown + "/members.csv").problem(404);
    }

    @Test
    void versions_are_kept_with_who_and_when() {
        String id = s.segment("Insight versions", "partner", leaf("partner.tier", "in", List.of("gold")));
        s.admin.put("/api/admin/segments/" + id, Map.of("name", "Insight versions", "version", 1, "condition",
                leaf("partner.tier", "in", List.of("silver")))).expect(200);
        JsonNode versions = s.admin.get("/api/admin/segments/" + id + "/versions").expect(200).json();
        assertThat(versions).hasSize(2);
        assertThat(versions.at("/0/version").asLong()).isEqualTo(2);
        assertThat(versions.at("/0/condition/values/0").asText()).isEqualTo("silver");
        assertThat(versions.at("/1/condition/values/0").asText()).isEqualTo("gold");
        assertThat(versions.at("/0/savedBy/kind").asText()).isEqualTo("admin");
    }

    @Test
    void a_contacts_access_lists_its_segments_via_its_partner_its_role_and_permissions() {
        JsonNode access = s.admin.get("/api/admin/contacts/" + ann + "/access").expect(200).json();
        assertThat(access.at("/contact/partnerId").asText()).isEqualTo(gold);
        assertThat(access.get("effectiveRole").asText()).isEqualTo("sales_rep");
        assertThat(access.get("segments").findValuesAsText("id")).contains(goldSegment);
        assertThat(access.get("segments").findValuesAsText("via")).contains("partner");
        assertThat(access.at("/permissions/inviteTeamMembers/value").asBoolean()).isTrue();
        assertThat(access.at("/permissions/inviteTeamMembers/reason").asText()).contains("default");
        s.admin.get("/api/admin/contacts/7a1f0000-0000-4000-8000-000000000000/access").problem(404);
    }

    @Test
    void lint_warns_about_contradictions_and_regexes_matching_nothing_in_particular() {
        JsonNode created = s.admin.post("/api/admin/segments", Map.of("name", "Insight contradiction", "level",
                "partner", "kind", "dynamic", "condition", all(leaf("partner.tier", "in", List.of("gold")),
                        leaf("partner.tier", "in", List.of("silver"))))).expect(201).json();
        assertThat(created.get("warnings").findValuesAsText("code")).contains("never_matches");
        JsonNode preview = s.admin.post("/api/admin/segments/preview", Map.of("level", "partner", "condition",
                leaf("partner.name", "matches", ".*"))).expect(200).json();
        assertThat(preview.get("warnings").findValuesAsText("code")).contains("regex_matches_empty");
    }
}
