package io.partnerportal.segments;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.common.Actor;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.ContactRoles;
import io.partnerportal.segments.api.Audience;
import io.partnerportal.segments.api.SegmentAccess;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.partnerportal.segments.Scenario.all;
import static io.partnerportal.segments.Scenario.any;
import static io.partnerportal.segments.Scenario.inSegment;
import static io.partnerportal.segments.Scenario.leaf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every trigger of real-time membership, each followed by a full recomputation that must find
 * nothing to fix (see {@link Scenario#assertConsistent()}).
 */
@ScenarioTest
class RealTimeMembershipTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    SegmentAccess access;
    @Inject
    ContactRoles roles;

    Scenario s;
    String tag;

    @BeforeEach
    void scenario() {
        s = new Scenario(new TestHttp(server.getURL()));
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void consistent() {
        s.assertConsistent();
    }

    /** Limits a condition to this test's partners (their names carry the tag), so tests do not see each other. */
    private Object mine(Object condition) {
        return all(leaf("partner.name", "contains", tag), condition);
    }

    @Test
    void onboarding_moves_a_partner_from_prospecting_to_signed_in_the_same_request_with_history() {
        String acme = s.partner("Acme " + tag, Map.of("onboarding_phase", "prospecting"));
        String ann = s.contact(acme, "ann-" + tag + "@acme.example", Map.of());
        String prospecting = s.segment("Prospecting " + tag, "partner", mine(leaf("partner.onboarding_phase", "in", List.of("prospecting"))));
        String signed = s.segment("Signed " + tag, "partner", mine(leaf("partner.onboarding_phase", "in", List.of("signed_contract"))));
        assertThat(access.isAdmitted(ann, Audience.segments(prospecting))).isTrue();

        s.setPartner(acme, Map.of("onboarding_phase", "signed_contract"));

        assertThat(access.isAdmitted(ann, Audience.segments(prospecting))).isFalse();
        assertThat(access.isAdmitted(ann, Audience.segments(signed))).isTrue();
        JsonNode history = s.admin.get("/api/admin/partners/" + acme + "/membership-history").expect(200).json();
        assertThat(history.at("/items/0/cause/type").asText()).isEqualTo("property_change");
        assertThat(history.at("/items/0/cause/detail/source").asText()).isEqualTo("admin_edit");
        assertThat(history.at("/items/0/cause/detail/changes/0/property").asText()).isEqualTo("partner.onboarding_phase");
        assertThat(history.at("/items/0/cause/detail/changes/0/from").asText()).isEqualTo("prospecting");
        assertThat(history.at("/items/0/cause/detail/changes/0/to").asText()).isEqualTo("signed_contract");
        assertThat(history.at("/items/0/actor/kind").asText()).isEqualTo("admin");
        assertThat(history.findValuesAsText("change")).contains("joined", "left");
        JsonNode contactHistory = s.admin.get("/api/admin/contacts/" + ann + "/membership-history").expect(200).json();
        assertThat(contactHistory.at("/items/0/via").asText()).isEqualTo("partner");
    }

    @Test
    void a_contact_property_change_moves_the_contact_and_partners_looking_at_contacts() {
        String p = s.partner("Certifiable " + tag, Map.of());
        String c = s.contact(p, "cert-" + tag + "@x.example", Map.of("certified", false));
        String certified = s.segment("Certified contacts " + tag, "contact", mine(leaf("contact.certified", "is_true", null)));
        String withCertified = s.segment("Partners with a certified contact " + tag, "partner", mine(Map.of("op", "any_contact", "where", leaf("contact.certified", "is_true", null))));
        String allCertified = s.segment("Fully certified partners " + tag, "partner", mine(Map.of("op", "all_contacts", "where", leaf("contact.certified", "is_true", null))));
        assertThat(s.members(certified)).isEmpty();

        s.setContact(c, Map.of("certified", true));
        assertThat(s.members(certified)).containsExactly(c);
        assertThat(s.members(withCertified)).containsExactly(p);
        assertThat(s.members(allCertified)).containsExactly(p);

        String second = s.contact(p, "second-" + tag + "@x.example", Map.of());
        assertThat(s.members(allCertified)).as("a new uncertified contact breaks all_contacts").isEmpty();
        assertThat(s.members(withCertified)).containsExactly(p);

        s.admin.delete("/api/admin/contacts/" + second).expect(204);
        assertThat(s.members(allCertified)).containsExactly(p);
    }

    @Test
    void a_partner_change_reaches_contact_level_segments_reading_the_partner() {
        String p = s.partner("Upgrade " + tag, Map.of("tier", "silver"));
        String c1 = s.contact(p, "a-" + tag + "@up.example", Map.of());
        String c2 = s.contact(p, "b-" + tag + "@up.example", Map.of());
        String goldContacts = s.segment("Contacts of gold partners " + tag, "contact", mine(leaf("partner.tier", "in", List.of("gold"))));
        assertThat(s.members(goldContacts)).isEmpty();

        s.setPartner(p, Map.of("tier", "gold"));
        assertThat(s.members(goldContacts)).containsExactlyInAnyOrder(c1, c2);
    }

    @Test
    void in_segment_chains_follow_changes_transitively_in_one_request() {
        String p = s.partner("Chain " + tag, Map.of("tier", "silver"));
        String c = s.contact(p, "chain-" + tag + "@x.example", Map.of("certified", true));
        String goldPartners = s.segment("Chain gold " + tag, "partner", mine(leaf("partner.tier", "in", List.of("gold"))));
        String certifiedAtGold = s.segment("Chain certified at gold " + tag, "contact", mine(all(inSegment(goldPartners), leaf("contact.certified", "is_true", null))));
        String notThere = s.segment("Chain outsiders " + tag, "contact", mine(Map.of("op", "not_in_segment", "segment", certifiedAtGold)));
        assertThat(access.isMember(notThere, c)).isTrue();

        s.setPartner(p, Map.of("tier", "gold"));
        assertThat(access.isMember(goldPartners, p)).isTrue();
        assertThat(access.isMember(certifiedAtGold, c)).isTrue();
        assertThat(access.isMember(notThere, c)).isFalse();
    }

    @Test
    void moving_a_contact_to_another_partner_reevaluates_both_sides() {
        String gold = s.partner("Move gold " + tag, Map.of("tier", "gold"));
        String silver = s.partner("Move silver " + tag, Map.of("tier", "silver"));
        String c = s.contact(silver, "mover-" + tag + "@x.example", Map.of("certified", true));
        String goldContacts = s.segment("Move gold contacts " + tag, "contact", mine(leaf("partner.tier", "in", List.of("gold"))));
        String withCertified = s.segment("Move has certified " + tag, "partner", mine(Map.of("op", "any_contact", "where", leaf("contact.certified", "is_true", null))));
        assertThat(s.members(withCertified)).containsExactly(silver);

        s.moveContact(c, gold);
        assertThat(s.members(goldContacts)).containsExactly(c);
        assertThat(s.members(withCertified)).containsExactly(gold);
        assertThat(s.get(withCertified).get("contactCount").asLong()).isEqualTo(1);
    }

    @Test
    void partners_created_and_deleted_join_and_leave() {
        String seg = s.segment("Created partners " + tag, "partner", mine(leaf("partner.name", "starts_with", "Fresh " + tag)));
        String fresh = s.partner("Fresh " + tag + " one", Map.of());
        assertThat(s.members(seg)).containsExactly(fresh);
        s.admin.delete("/api/admin/partners/" + fresh).expect(204);
        assertThat(s.members(seg)).isEmpty();
    }

    @Test
    void effective_role_changes_move_contacts_including_a_change_of_the_default_role() {
        String p = s.partner("Roles " + tag, Map.of());
        String c = s.contact(p, "role-" + tag + "@x.example", Map.of());
        String admins = s.segment("Admins " + tag, "contact", mine(leaf("contact.role", "in", List.of("admin"))));
        String reps = s.segment("Reps " + tag, "contact", mine(leaf("contact.role", "in", List.of("sales_rep"))));
        assertThat(s.members(reps)).as("a new contact has the default role").contains(c);

        roles.setEffectiveRole(List.of(c), "admin", new ChangeContext(ChangeCause.ROLE_CHANGE, Actor.admin("a", "admin")));
        assertThat(access.isMember(admins, c)).isTrue();
        assertThat(access.isMember(reps, c)).isFalse();
        JsonNode history = s.admin.get("/api/admin/contacts/" + c + "/membership-history").expect(200).json();
        assertThat(history.at("/items/0/cause/type").asText()).isEqualTo("role_change");
    }

    @Test
    void static_edits_cascade_to_segments_referring_to_the_static_segment() {
        String p = s.partner("Handpicked " + tag, Map.of());
        String c = s.contact(p, "hand-" + tag + "@x.example", Map.of());
        String picked = s.staticSegment("Handpicked partners " + tag, "partner");
        String theirContacts = s.segment("Contacts of handpicked " + tag, "contact", inSegment(picked));

        s.admin.post("/api/admin/segments/" + picked + "/members", Map.of("ids", List.of(p, p))).expect(200);
        assertThat(s.members(picked)).containsExactly(p);
        assertThat(s.members(theirContacts)).containsExactly(c);

        s.admin.post("/api/admin/segments/" + picked + "/members/remove", Map.of("ids", List.of(p))).expect(200);
        assertThat(s.members(theirContacts)).isEmpty();
    }

    @Test
    void editing_and_deleting_a_segment_cascades_to_its_dependants() {
        String p = s.partner("Edit cascade " + tag, Map.of("tier", "bronze"));
        String base = s.segment("Edit base " + tag, "partner", mine(leaf("partner.tier", "in", List.of("gold"))));
        String dependant = s.segment("Edit dependant " + tag, "partner", any(inSegment(base)));
        assertThat(s.members(dependant)).isEmpty();

        s.admin.put("/api/admin/segments/" + base, Map.of("name", "Edit base " + tag, "version", 1,
                "condition", mine(leaf("partner.tier", "in", List.of("bronze"))))).expect(200);
        assertThat(s.members(dependant)).containsExactly(p);
        JsonNode history = s.admin.get("/api/admin/segments/" + base + "/history").expect(200).json();
        assertThat(history.at("/items/0/cause/type").asText()).isEqualTo("segment_edit");
        assertThat(history.at("/items/0/segmentVersion").asLong()).isEqualTo(2);

        s.admin.delete("/api/admin/segments/" + dependant).expect(204);
        assertThat(access.segmentsOfPartner(p)).containsExactly(base);
    }

    @Test
    void a_partner_with_many_contacts_changing_tier_moves_all_of_them_with_bulk_history() {
        String p = s.partner("Big " + tag, Map.of("tier", "silver"));
        String other = s.partner("Small " + tag, Map.of("tier", "gold"));
        String outsider = s.contact(other, "small-" + tag + "@big.example", Map.of("certified", true));
        List<String> contacts = new java.util.ArrayList<>();
        List<String> certified = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String c = s.contact(p, "big" + i + "-" + tag + "@big.example", Map.of("certified", i % 2 == 0));
            contacts.add(c);
            if (i % 2 == 0) {
                certified.add(c);
            }
        }
        // decided for all 80 contacts at once (column-wise), except the one with in_segment (record by record)
        String gold = s.segment("Contacts of gold partners " + tag, "contact", mine(leaf("partner.tier", "in", List.of("gold"))));
        String certifiedGold = s.segment("Certified contacts of gold partners " + tag, "contact",
                mine(all(leaf("partner.tier", "in", List.of("gold")), leaf("contact.certified", "is_true", null))));
        String notGold = s.segment("Contacts of other partners " + tag, "contact",
                mine(leaf("partner.tier", "not_in", List.of("gold"))));
        String goldOrCertified = s.segment("Gold or certified " + tag, "contact",
                mine(any(inSegment(gold), leaf("contact.certified", "is_true", null))));
        assertThat(s.members(gold)).containsExactly(outsider);
        assertThat(s.members(notGold)).containsExactlyInAnyOrderElementsOf(contacts);

        s.setPartner(p, Map.of("tier", "gold"));

        List<String> allGold = new java.util.ArrayList<>(contacts);
        allGold.add(outsider);
        List<String> certifiedAndGold = new java.util.ArrayList<>(certified);
        certifiedAndGold.add(outsider);
        assertThat(s.members(gold)).containsExactlyInAnyOrderElementsOf(allGold);
        assertThat(s.members(certifiedGold)).containsExactlyInAnyOrderElementsOf(certifiedAndGold);
        assertThat(s.members(notGold)).isEmpty();
        assertThat(s.members(goldOrCertified)).containsExactlyInAnyOrderElementsOf(allGold);
        assertThat(access.isAdmitted(contacts.get(1), Audience.segments(gold))).isTrue();
        JsonNode history = s.admin.get("/api/admin/segments/" + gold + "/history").expect(200).json();
        assertThat(history.at("/items/0/change").asText()).isEqualTo("bulk");
        assertThat(history.at("/items/0/joinedCount").asInt()).isEqualTo(80);
        JsonNode members = s.admin.get("/api/admin/segments/" + gold + "/history/batches/"
                + history.at("/items/0/batchId").asLong()).expect(200).json();
        assertThat(members.get("total").asLong()).isEqualTo(80);
        JsonNode contactHistory = s.admin.get("/api/admin/contacts/" + contacts.get(1) + "/membership-history")
                .expect(200).json();
        JsonNode joinedGold = null;
        for (JsonNode item : contactHistory.get("items")) {
            if (gold.equals(item.path("segmentId").asText())) {
                joinedGold = item;
            }
        }
        assertThat(joinedGold).as("the contact's history lists its row of the bulk change").isNotNull();
        assertThat(joinedGold.path("change").asText()).isEqualTo("joined");
        assertThat(joinedGold.path("batchId").isNumber()).isTrue();
        assertThat(contactHistory.findValuesAsText("segmentId")).contains(notGold);

        s.setPartner(p, Map.of("tier", "silver"));

        assertThat(s.members(gold)).containsExactly(outsider);
        assertThat(s.members(certifiedGold)).containsExactly(outsider);
        assertThat(s.members(notGold)).containsExactlyInAnyOrderElementsOf(contacts);
        assertThat(s.members(goldOrCertified)).containsExactlyInAnyOrderElementsOf(certifiedAndGold);
    }

    @Test
    void a_bulk_change_is_one_history_entry_with_its_members_below() {
        String p = s.partner("Bulk " + tag, Map.of());
        for (int i = 0; i < 60; i++) {
            s.contact(p, "bulk" + i + "-" + tag + "@x.example", Map.of());
        }
        String seg = s.segment("Bulk contacts " + tag, "contact", mine(leaf("contact.email", "contains", "-" + tag + "@")));
        JsonNode history = s.admin.get("/api/admin/segments/" + seg + "/history").expect(200).json();
        assertThat(history.get("total").asLong()).isEqualTo(1);
        assertThat(history.at("/items/0/change").asText()).isEqualTo("bulk");
        assertThat(history.at("/items/0/joinedCount").asInt()).isEqualTo(60);
        long batch = history.at("/items/0/batchId").asLong();
        JsonNode members = s.admin.get("/api/admin/segments/" + seg + "/history/batches/" + batch + "?size=10")
                .expect(200).json();
        assertThat(members.get("total").asLong()).isEqualTo(60);
        assertThat(members.get("items")).hasSize(10);
    }

    @Test
    void a_change_nobody_reads_changes_no_membership() {
        String p = s.partner("Unread " + tag, Map.of("tier", "gold"));
        String seg = s.segment("Unread gold " + tag, "partner", mine(leaf("partner.tier", "in", List.of("gold"))));
        long before = s.admin.get("/api/admin/partners/" + p + "/membership-history").json().get("total").asLong();
        s.setPartner(p, Map.of("certified", true));
        assertThat(s.admin.get("/api/admin/partners/" + p + "/membership-history").json().get("total").asLong())
                .isEqualTo(before);
        assertThat(s.members(seg)).containsExactly(p);
    }

    @Test
    void catalogue_changes_recompile_conditions_and_options_in_use_cannot_be_removed() {
        JsonNode tier = s.admin.get("/api/admin/properties/partner/tier").expect(200).json();
        List<Object> options = new java.util.ArrayList<>();
        tier.get("options").forEach(o -> options.add(Map.of("key", o.get("key").asText(), "label", o.get("label").asText())));
        List<Object> withDiamond = new java.util.ArrayList<>(options);
        withDiamond.add(Map.of("key", "diamond", "label", "Diamond"));
        s.admin.patch("/api/admin/properties/partner/tier", Map.of("options", withDiamond)).expect(200);

        String p = s.partner("Diamond " + tag, Map.of("tier", "diamond"));
        String diamond = s.segment("Diamond " + tag, "partner", mine(leaf("partner.tier", "in", List.of("diamond"))));
        assertThat(s.members(diamond)).containsExactly(p);

        JsonNode refused = s.admin.patch("/api/admin/properties/partner/tier", Map.of("options", options)).problem(409);
        assertThat(refused.toString()).contains(diamond);
        s.admin.patch("/api/admin/properties/partner/tier", Map.of("label", "Partner tier " + tag)).expect(200);
        assertThat(s.members(diamond)).containsExactly(p);
    }
}
