package io.partnerportal.experiences;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.partnerportal.experiences.Portal.everyone;
import static io.partnerportal.experiences.Portal.leaf;
import static io.partnerportal.experiences.Portal.segments;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees which tab: visible = (role list empty or the contact's effective role in it) and the
 * audience admits the contact; a hidden tab is a 404 exactly like one that does not exist.
 */
@ScenarioTest
class TabVisibilityTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    Portal p;
    String experience;

    @BeforeEach
    void portal() {
        p = new Portal(new TestHttp(server.getURL()));
        experience = p.defaultExperience();
    }

    @Test
    void a_tab_for_everyone_is_seen_by_every_contact_of_every_partner() {
        String a = p.partner("Everyone A", Map.of());
        String b = p.partner("Everyone B", Map.of("tier", "gold"));
        String ann = p.contact(a, "ann");
        String bob = p.contact(b, "bob", Map.of("role", "admin"));
        p.tab(experience, "News", everyone());
        p.publish(experience);
        assertThat(p.tabsOf(ann, a)).containsExactly("News");
        assertThat(p.tabsOf(bob, b)).containsExactly("News");
        JsonNode news = p.as(ann, a).get("/api/portal/tabs/" + p.slug("News")).expect(200).json();
        assertThat(news.at("/sections/0/content").asText()).isEqualTo("News content");
        assertThat(news.has("visibility")).as("visibility rules are the admin's business").isFalse();
    }

    @Test
    void a_tab_limited_to_a_role_is_hidden_from_other_roles_and_appears_when_the_role_is_assigned() {
        String acme = p.partner("Roles", Map.of());
        String admin = p.contact(acme, "admin", Map.of("role", "admin"));
        String rep = p.contact(acme, "rep");
        p.tab(experience, "Partner agreements", everyone(), List.of("admin", "partner_manager"),
                List.of(Portal.text("Signed agreements")));
        p.publish(experience);

        assertThat(p.tabsOf(admin, acme)).containsExactly("Partner agreements");
        assertThat(p.tabsOf(rep, acme)).isEmpty();
        p.as(rep, acme).get("/api/portal/tabs/" + p.slug("Partner agreements")).problem(404);
        p.as(rep, acme).get("/api/portal/tabs/no-such-tab-" + p.tag).problem(404);

        // assigning the role shows the tab on the contact's next request; reverting hides it again
        p.assignRole(rep, "partner_manager");
        assertThat(p.tabsOf(rep, acme)).containsExactly("Partner agreements");
        p.admin.delete("/api/admin/contacts/" + rep + "/role").expect(200);
        assertThat(p.tabsOf(rep, acme)).isEmpty();
    }

    @Test
    void a_tab_for_several_segments_is_seen_by_contacts_in_any_of_them() {
        String gold = p.partner("Gold", Map.of("tier", "gold"));
        String certified = p.partner("Certified", Map.of("tier", "silver", "certified", true));
        String plain = p.partner("Plain", Map.of("tier", "silver"));
        String g = p.contact(gold, "g");
        String c = p.contact(certified, "c");
        String n = p.contact(plain, "n");
        String goldPartners = p.partnerSegment("Gold partners", leaf("partner.tier", "in", List.of("gold")));
        String certifiedPartners = p.partnerSegment("Certified partners", leaf("partner.certified", "is_true", null));
        p.tab(experience, "Co-marketing", segments(goldPartners, certifiedPartners));
        p.publish(experience);

        assertThat(p.tabsOf(g, gold)).containsExactly("Co-marketing");
        assertThat(p.tabsOf(c, certified)).containsExactly("Co-marketing");
        assertThat(p.tabsOf(n, plain)).isEmpty();
        p.as(n, plain).get("/api/portal/tabs/" + p.slug("Co-marketing")).problem(404);

        // a property change moves the partner into a segment: the tab appears on the next request
        p.admin.patch("/api/admin/partners/" + plain, Map.of("properties", Map.of("tier", "gold"))).expect(200);
        assertThat(p.tabsOf(n, plain)).containsExactly("Co-marketing");
    }

    @Test
    void both_rules_must_pass_the_audience_and_the_role_list() {
        String gold = p.partner("Both", Map.of("tier", "gold"));
        String silver = p.partner("Neither", Map.of("tier", "silver"));
        String goldAdmin = p.contact(gold, "gold-admin", Map.of("role", "admin"));
        String goldRep = p.contact(gold, "gold-rep");
        String silverAdmin = p.contact(silver, "silver-admin", Map.of("role", "admin"));
        String goldPartners = p.partnerSegment("Gold both", leaf("partner.tier", "in", List.of("gold")));
        p.tab(experience, "Gold admin desk", segments(goldPartners), List.of("admin"), List.of(Portal.text("x")));
        p.publish(experience);
        assertThat(p.tabsOf(goldAdmin, gold)).containsExactly("Gold admin desk");
        assertThat(p.tabsOf(goldRep, gold)).isEmpty();
        assertThat(p.tabsOf(silverAdmin, silver)).isEmpty();
    }

    @Test
    void contacts_without_an_assignment_follow_the_default_role_and_a_change_of_the_default() {
        String acme = p.partner("Defaults", Map.of());
        String newcomer = p.contact(acme, "newcomer");
        String marketer = p.contact(acme, "marketer", Map.of("role", "admin"));
        String marketingRole = p.admin.get("/api/admin/roles").json().get("items").findParents("key").stream()
                .filter(r -> r.get("key").asText().equals("marketing")).findFirst().orElseThrow().get("id").asText();
        String salesRole = p.admin.get("/api/admin/roles").json().get("items").findParents("key").stream()
                .filter(r -> r.get("key").asText().equals("sales_rep")).findFirst().orElseThrow().get("id").asText();
        String roleSegment = p.segment("Marketing role", "contact", leaf("contact.role", "in", List.of("marketing")));
        p.tab(experience, "Sales decks", everyone(), List.of("sales_rep"), List.of(Portal.text("decks")));
        p.tab(experience, "Campaign kits", segments(roleSegment));
        p.publish(experience);

        // a new contact has the default role (sales rep)
        assertThat(p.admin.get("/api/admin/contacts/" + newcomer).json().get("role").asText()).isEqualTo("sales_rep");
        assertThat(p.tabsOf(newcomer, acme)).containsExactly("Sales decks");
        try {
            p.admin.put("/api/admin/roles/default", Map.of("roleId", marketingRole)).expect(200);
            // the segment "role = marketing" follows the new default in the same request, and so do the tabs
            assertThat(p.tabsOf(newcomer, acme)).containsExactly("Campaign kits");
            assertThat(p.tabsOf(marketer, acme)).as("explicitly assigned admin").isEmpty();
            JsonNode members = p.admin.get("/api/admin/segments/" + roleSegment + "/members").json();
            assertThat(members.get("items").findValuesAsText("id")).containsExactly(newcomer);
        } finally {
            p.admin.put("/api/admin/roles/default", Map.of("roleId", salesRole)).expect(200);
        }
        assertThat(p.tabsOf(newcomer, acme)).containsExactly("Sales decks");
    }
}
