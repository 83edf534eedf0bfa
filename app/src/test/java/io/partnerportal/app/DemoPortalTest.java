package io.partnerportal.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer starts the service on an empty database and walks the demo of the help-center examples:
 * segments, an onboarding experience with a terms form, quote and profile settings gated by segments —
 * logging in as demo contacts the way an admin would let them in (a login link).
 */
@ScenarioTest
class DemoPortalTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    TestHttp http;
    TestHttp admin;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("portal.demo-data.enabled", "true");
    }

    @BeforeAll
    void setUp() {
        http = new TestHttp(server.getURL());
        admin = http.asAdmin();
    }

    @Test
    void the_demo_holds_the_segments_of_the_help_center_with_their_members_and_permissions() {
        Map<String, JsonNode> segments = new LinkedHashMap<>();
        admin.get("/api/admin/segments?size=100").expect(200).json().get("items")
                .forEach(s -> segments.put(s.get("name").asText(), s));
        assertThat(segments).containsOnlyKeys("Gold partners", "Gold resellers in the United States", "Prospecting",
                "Signed contract", "Active partners", "Certified or gold", "Partner admins", "Partner sales reps");
        // Acme, Northwind, Globex, Stark, Vandelay and Wayne are gold or platinum
        assertThat(segments.get("Gold partners").get("memberCount").asLong()).isEqualTo(6);
        // Acme, Northwind and Globex are gold resellers in the United States
        assertThat(members("Gold resellers in the United States")).hasSize(3);
        // the six gold partners and the certified silver Hooli Cloud
        assertThat(segments.get("Certified or gold").get("memberCount").asLong()).isEqualTo(7);
        assertThat(segments.get("Partner admins").get("level").asText()).isEqualTo("contact");
        assertThat(segments.get("Partner admins").get("memberCount").asLong()).isEqualTo(8);
        JsonNode prospecting = admin.get("/api/admin/segments/" + segments.get("Prospecting").get("id").asText())
                .expect(200).json();
        assertThat(prospecting.at("/permissions/inviteTeamMembers").asBoolean()).isFalse();
        assertThat(prospecting.get("warnings")).isEmpty();

        // made through the admin use cases, so audited, by the system actor demo-data
        JsonNode trail = admin.get("/api/admin/audit?entityType=segment&size=100").expect(200).json();
        assertThat(trail.get("total").asLong()).isEqualTo(8);
        trail.get("items").forEach(e -> assertThat(e.at("/actor/id").asText()).isEqualTo("demo-data"));
    }

    @Test
    void a_prospect_accepts_the_terms_and_deals_and_co_marketing_unlock_on_the_next_request() {
        // Nora Peeters, admin of Vandelay Imports (gold, prospecting)
        TestHttp nora = logIn("nora.peeters@vandelay.example");
        assertThat(tabs(nora)).containsExactly("Getting started", "Resources", "Company profile");
        nora.get("/api/portal/tabs/deals").problem(404);

        JsonNode gettingStarted = nora.get("/api/portal/tabs/getting-started").expect(200).json();
        String terms = gettingStarted.at("/sections/1/formId").asText();
        assertThat(nora.get("/api/portal/forms/" + terms).expect(200).json().get("name").asText())
                .isEqualTo("Terms & conditions");
        nora.post("/api/portal/forms/" + terms + "/submissions", Map.of("values", Map.of("accept", true,
                "signer", "Nora Peeters"))).expect(201);

        assertThat(tabs(nora)).containsExactly("Deals", "Co-marketing", "Resources", "Company profile");
        assertThat(partner("Vandelay Imports").at("/properties/onboarding_phase").asText())
                .isEqualTo("signed_contract");
        // her colleague sees the same on his next request
        assertThat(tabs(logIn("olivier.dubois@vandelay.example")))
                .containsExactly("Deals", "Co-marketing", "Resources", "Company profile");
        assertConsistent();
    }

    @Test
    void the_technical_docs_tab_is_for_solutions_engineers_only() {
        assertThat(tabs(logIn("cleo.park@acme-resellers.example")))
                .containsExactly("Deals", "Co-marketing", "Resources", "Company profile", "Technical docs");
        assertThat(tabs(logIn("ann.lee@acme-resellers.example")))
                .containsExactly("Deals", "Co-marketing", "Resources", "Company profile");
    }

    @Test
    void a_silver_uncertified_partner_may_not_quote_while_a_gold_one_may_up_to_its_cap() {
        // Karl Weber, Initech Partners: silver, not certified
        TestHttp karl = logIn("karl.weber@initech.example");
        assertThat(karl.get("/api/portal/quotes/capabilities").expect(200).json().get("canCreateQuotes").asBoolean())
                .isFalse();
        String core = product("CORE-ANNUAL");
        karl.post("/api/portal/quotes", quote(core, 1, 5)).problem(403);

        // Bob Stone, Acme Resellers: gold, so in "Certified or gold" and capped at 20 % by "Gold partners"
        TestHttp bob = logIn("bob.stone@acme-resellers.example");
        JsonNode capabilities = bob.get("/api/portal/quotes/capabilities").expect(200).json();
        assertThat(capabilities.get("canCreateQuotes").asBoolean()).isTrue();
        assertThat(capabilities.get("maxDiscountPercent").decimalValue()).isEqualByComparingTo("20");
        bob.post("/api/portal/quotes", quote(core, 2, 25)).problem(422);
        JsonNode quote = bob.post("/api/portal/quotes", quote(core, 2, 15)).expect(201).json();
        assertThat(quote.get("lines")).hasSize(1);

        // Quinn Ortiz, Hooli Cloud: silver but certified, so she may quote with the default 10 %
        JsonNode quinn = logIn("quinn.ortiz@hooli.example").get("/api/portal/quotes/capabilities").expect(200).json();
        assertThat(quinn.get("canCreateQuotes").asBoolean()).isTrue();
        assertThat(quinn.get("maxDiscountPercent").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void a_partner_admin_may_edit_the_company_profile_while_a_sales_rep_only_views_it() {
        // Finn Marsh (admin) and Gina Ray (sales rep) of Globex Systems
        TestHttp finn = logIn("finn.marsh@globex.example");
        TestHttp gina = logIn("gina.ray@globex.example");
        JsonNode profile = gina.get("/api/portal/profile").expect(200).json();
        List<String> keys = new ArrayList<>();
        profile.get("properties").forEach(p -> keys.add(p.get("key").asText()));
        assertThat(keys).containsExactly("name", "website", "logo", "tier", "partner_manager", "partner_champion",
                "type", "industry", "country");
        assertThat(profile.get("canEdit").asBoolean()).isFalse();
        gina.patch("/api/portal/profile", Map.of("properties", Map.of("industry", "Robotics"))).problem(403);

        assertThat(finn.get("/api/portal/profile").expect(200).json().get("canEdit").asBoolean()).isTrue();
        finn.patch("/api/portal/profile", Map.of("properties", Map.of("tier", "gold"))).problem(422);
        finn.patch("/api/portal/profile", Map.of("properties", Map.of("industry", "Robotics",
                "logo", "https://globex.example/new-logo.png"))).expect(200);
        assertThat(partner("Globex Systems").at("/properties/industry").asText()).isEqualTo("Robotics");
        assertConsistent();
    }

    @Test
    void a_prospect_may_not_invite_colleagues_yet_while_an_active_partner_may() {
        // Mia Shaw, Umbrella Consulting: prospecting, whose segment denies team invites
        logIn("mia.shaw@umbrella-consulting.example").post("/api/portal/team/invites",
                Map.of("email", "new.colleague@umbrella-consulting.example")).problem(403);
        // Sam Wayne, Wayne Distribution: active, the portal default allows it
        logIn("sam.wayne@wayne-distribution.example").post("/api/portal/team/invites",
                Map.of("email", "new.colleague@wayne-distribution.example")).expect(201);
        assertConsistent();
    }

    // --- helpers ---

    /** Lets a demo contact in as an admin would: a login link, which the contact follows. */
    private TestHttp logIn(String email) {
        String contactId = admin.get("/api/admin/contacts?q=" + email).expect(200).json().at("/items/0/id").asText();
        String link = admin.post("/api/admin/contacts/" + contactId + "/login-link", null).expect(200).text("/token");
        String token = http.post("/api/auth/portal/link-login", Map.of("token", link)).expect(200)
                .text("/access_token");
        return http.as(token);
    }

    private static List<String> tabs(TestHttp contact) {
        List<String> titles = new ArrayList<>();
        contact.get("/api/portal/experience").expect(200).json().get("tabs")
                .forEach(t -> titles.add(t.get("title").asText()));
        return titles;
    }

    private List<String> members(String segmentName) {
        String id = admin.get("/api/admin/segments?q=" + segmentName.replace(" ", "%20")).json().at("/items/0/id")
                .asText();
        List<String> members = new ArrayList<>();
        admin.get("/api/admin/segments/" + id + "/members").expect(200).json().get("items")
                .forEach(m -> members.add(m.get("id").asText()));
        return members;
    }

    private JsonNode partner(String name) {
        String id = admin.get("/api/admin/partners?q=" + name.replace(" ", "%20")).json().at("/items/0/id").asText();
        return admin.get("/api/admin/partners/" + id).expect(200).json();
    }

    private String product(String sku) {
        return admin.get("/api/admin/quotes/products?q=" + sku).expect(200).json().at("/items/0/id").asText();
    }

    private static Map<String, Object> quote(String productId, int quantity, int discountPercent) {
        return Map.of("lines", List.of(Map.of("productId", productId, "quantity", quantity,
                "discountPercent", discountPercent)));
    }

    /** A full recomputation finds nothing to fix: the demo's memberships were kept exact all along. */
    private void assertConsistent() {
        JsonNode report = admin.post("/api/admin/segments/recompute", Map.of()).expect(200).json();
        assertThat(report.get("differencesBySegment")).as("%s", report).isEmpty();
        assertThat(report.get("joined").asLong() + report.get("left").asLong() + report.get("directoryFixes").asLong())
                .as("%s", report).isZero();
    }
}
