package io.partnerportal.partners;

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

/** Seed 001 "Invite team members": contacts invite colleagues of their own company. */
@ScenarioTest
class TeamInvitesTest implements PortalTest {

    static final int LIMIT = 3;

    @Inject
    EmbeddedServer server;

    TestHttp http;
    TestHttp admin;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("portal.team-invites.max-per-hour", String.valueOf(LIMIT));
    }

    @BeforeAll
    void setUp() {
        http = new TestHttp(server.getURL());
        admin = http.asAdmin();
    }

    @Test
    void a_contact_invites_a_colleague_who_becomes_an_invited_contact_of_its_partner_with_the_default_role() {
        Team acme = team("acme-invites.example");
        JsonNode invite = acme.member.post("/api/portal/team/invites", Map.of("email", "Zoe@acme-invites.example",
                "firstName", "Zoe", "lastName", "Quinn")).expect(201).json();
        assertThat(invite.get("status").asText()).isEqualTo("invited");
        assertThat(invite.get("invitedBy").asText()).isEqualTo(acme.contactId);

        JsonNode contact = admin.get("/api/admin/contacts/" + invite.get("contactId").asText()).expect(200).json();
        assertThat(contact.get("partnerId").asText()).isEqualTo(acme.partnerId);
        assertThat(contact.get("portalStatus").asText()).isEqualTo("invited");
        assertThat(contact.get("role").asText()).as("the default role").isEqualTo("sales_rep");
        assertThat(contact.get("firstName").asText()).isEqualTo("Zoe");

        assertThat(emails(acme.member.get("/api/portal/team").expect(200).json()))
                .containsExactlyInAnyOrder(acme.email, "Zoe@acme-invites.example");
        JsonNode invites = acme.member.get("/api/portal/team/invites").expect(200).json();
        assertThat(invites.get("total").asLong()).isEqualTo(1);
        assertThat(invites.at("/items/0/email").asText()).isEqualTo("Zoe@acme-invites.example");
    }

    @Test
    void the_address_must_be_at_the_partners_website_domain_unless_the_admin_allows_any() {
        Team acme = team("www.domain-rule.example");
        JsonNode refused = acme.member.post("/api/portal/team/invites", Map.of("email", "eve@gmail.example"))
                .problem(422);
        assertThat(refused.at("/errors/0/pointer").asText()).isEqualTo("/email");
        assertThat(refused.at("/errors/0/code").asText()).isEqualTo("domain_not_allowed");
        // a subdomain of the website's domain is the same company
        acme.member.post("/api/portal/team/invites", Map.of("email", "sub@eu.domain-rule.example")).expect(201);

        JsonNode settings = admin.get("/api/admin/settings/invites").expect(200).json();
        assertThat(settings.get("allowAnyEmailDomain").asBoolean()).isFalse();
        long version = settings.get("version").asLong();
        admin.put("/api/admin/settings/invites", Map.of("allowAnyEmailDomain", true, "version", version + 7))
                .problem(412);
        admin.put("/api/admin/settings/invites", Map.of("allowAnyEmailDomain", true, "version", version)).expect(200);
        try {
            acme.member.post("/api/portal/team/invites", Map.of("email", "eve@gmail.example")).expect(201);
            JsonNode audit = admin.get("/api/admin/audit?entityType=invite_settings").expect(200).json();
            assertThat(audit.at("/items/0/before/allowAnyEmailDomain").asBoolean()).isFalse();
            assertThat(audit.at("/items/0/after/allowAnyEmailDomain").asBoolean()).isTrue();
        } finally {
            admin.put("/api/admin/settings/invites", Map.of("allowAnyEmailDomain", false, "version", version + 1))
                    .expect(200);
        }
    }

    @Test
    void a_partner_without_a_website_cannot_invite_by_domain() {
        String partnerId = admin.post("/api/admin/partners", Map.of("name", "No Site")).expect(201).text("/id");
        String contactId = admin.post("/api/admin/contacts", Map.of("partnerId", partnerId, "email",
                "solo@nosite.example")).expect(201).text("/id");
        JsonNode refused = http.asContact(contactId, partnerId).post("/api/portal/team/invites",
                Map.of("email", "friend@nosite.example")).problem(422);
        assertThat(refused.at("/errors/0/code").asText()).isEqualTo("domain_not_allowed");
    }

    @Test
    void invites_are_rate_limited_per_contact() {
        Team acme = team("rate-limit.example");
        for (int i = 0; i < LIMIT; i++) {
            acme.member.post("/api/portal/team/invites", Map.of("email", "r" + i + "@rate-limit.example")).expect(201);
        }
        TestHttp.Response limited = acme.member.post("/api/portal/team/invites",
                Map.of("email", "r9@rate-limit.example"));
        JsonNode problem = limited.problem(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3601L);
        assertThat(problem.get("detail").asText()).contains("at most " + LIMIT);
        assertThat(admin.get("/api/admin/contacts?q=r9@rate-limit.example").json().get("total").asLong())
                .as("nothing created").isZero();

        String colleague = admin.post("/api/admin/contacts", Map.of("partnerId", acme.partnerId, "email",
                "other@rate-limit.example")).expect(201).text("/id");
        // the limit is per contact
        http.asContact(colleague, acme.partnerId).post("/api/portal/team/invites",
                Map.of("email", "r10@rate-limit.example")).expect(201);
    }

    @Test
    void an_existing_address_is_a_conflict_and_bad_input_lists_every_error() {
        Team acme = team("bad-input.example");
        acme.member.post("/api/portal/team/invites", Map.of("email", acme.email.toUpperCase())).problem(409);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", 12);
        body.put("role", "admin");
        JsonNode problem = acme.member.post("/api/portal/team/invites", body).problem(422);
        List<String> pointers = new ArrayList<>();
        problem.get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
        assertThat(pointers).containsExactlyInAnyOrder("/role", "/email", "/firstName");
        acme.member.send("POST", "/api/portal/team/invites", "{not json", "application/json").problem(400);
    }

    @Test
    void a_contact_sees_and_grows_only_its_own_partners_team() {
        Team mine = team("mine-team.example");
        Team theirs = team("their-team.example");
        theirs.member.post("/api/portal/team/invites", Map.of("email", "x@their-team.example")).expect(201);
        // a token naming the other partner changes nothing: the partner comes from the directory
        TestHttp forged = http.asContact(mine.contactId, theirs.partnerId);
        assertThat(emails(forged.get("/api/portal/team").expect(200).json())).containsExactly(mine.email);
        assertThat(forged.get("/api/portal/team/invites").expect(200).json().get("total").asLong()).isZero();
        JsonNode invite = forged.post("/api/portal/team/invites", Map.of("email", "y@mine-team.example"))
                .expect(201).json();
        assertThat(admin.get("/api/admin/contacts/" + invite.get("contactId").asText()).json().get("partnerId")
                .asText()).isEqualTo(mine.partnerId);
        forged.post("/api/portal/team/invites", Map.of("email", "y@their-team.example")).problem(422);
        admin.get("/api/portal/team").expect(403);
    }

    record Team(String partnerId, String contactId, String email, TestHttp member) {
    }

    private Team team(String domain) {
        String partnerId = admin.post("/api/admin/partners", Map.of("name", "Team " + domain, "website",
                "https://" + domain + "/about")).expect(201).text("/id");
        String host = domain.startsWith("www.") ? domain.substring(4) : domain;
        String email = "lead@" + host;
        String contactId = admin.post("/api/admin/contacts", Map.of("partnerId", partnerId, "email", email,
                "role", "admin")).expect(201).text("/id");
        return new Team(partnerId, contactId, email, http.asContact(contactId, partnerId));
    }

    private static List<String> emails(JsonNode page) {
        List<String> emails = new ArrayList<>();
        page.get("items").forEach(i -> emails.add(i.get("email").asText()));
        return emails;
    }
}
