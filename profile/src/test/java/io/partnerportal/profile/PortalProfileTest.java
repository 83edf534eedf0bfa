package io.partnerportal.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.event.PartnerChanged;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.partnerportal.profile.ProfileFixture.field;
import static io.partnerportal.profile.ProfileFixture.leaf;
import static io.partnerportal.profile.ProfileFixture.segments;
import static io.partnerportal.profile.ProfileFixture.shown;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 004 "Partner profile section": every contact sees its company's profile; admins may edit it. */
@ScenarioTest
class PortalProfileTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    RecordedChanges changes;

    ProfileFixture f;
    String acme;
    String acmeAdmin;
    String acmeRep;
    String industryIt;

    @BeforeAll
    void setUp() {
        f = new ProfileFixture(new TestHttp(server.getURL()));
        f.property("industry", "string", "crm", true);
        f.property("type", "string", "crm", false);
        String admins = f.segment("Contacts with role admin", "contact", leaf("contact.role", "in", List.of("admin")));
        industryIt = f.segment("IT partners", "partner", leaf("partner.industry", "eq", "IT"));
        f.putSettings(List.of(shown("name", "read_only"), shown("tier", "read_only"), shown("logo", "editable"),
                shown("industry", "editable"), shown("type", "read_only")), segments(admins)).expect(200);
        acme = f.partner("Acme Profile", Map.of("tier", "gold", "industry", "Software", "type", "reseller"));
        acmeAdmin = f.contact(acme, "ann@acme-profile.example", "admin");
        acmeRep = f.contact(acme, "bob@acme-profile.example", "sales_rep");
    }

    @Test
    void every_contact_of_the_partner_sees_the_configured_properties_in_order() {
        String viewer = f.partner("Viewer Profile", Map.of("tier", "gold"));
        JsonNode profile = f.as(f.contact(viewer, "rep@viewer-profile.example", "sales_rep")).get("/api/portal/profile")
                .expect(200).json();
        assertThat(profile.get("partnerId").asText()).isEqualTo(viewer);
        List<String> keys = new ArrayList<>();
        profile.get("properties").forEach(p -> keys.add(p.get("key").asText()));
        assertThat(keys).containsExactly("name", "tier", "logo", "industry", "type");
        assertThat(field(profile, "name").get("value").asText()).isEqualTo("Viewer Profile");
        JsonNode tier = field(profile, "tier");
        assertThat(tier.get("label").asText()).isEqualTo("Tier");
        assertThat(tier.get("type").asText()).isEqualTo("enum");
        assertThat(tier.get("value").asText()).isEqualTo("gold");
        assertThat(tier.get("options").size()).isPositive();
        assertThat(field(profile, "logo").get("value").isNull()).isTrue();
        assertThat(profile.get("canEdit").asBoolean()).as("a sales rep only views").isFalse();
        profile.get("properties").forEach(p -> assertThat(p.get("editable").asBoolean()).isFalse());
    }

    @Test
    void only_contacts_of_the_edit_audience_may_edit_and_only_the_editable_properties() {
        JsonNode mine = f.as(acmeAdmin).get("/api/portal/profile").expect(200).json();
        assertThat(mine.get("canEdit").asBoolean()).isTrue();
        assertThat(field(mine, "industry").get("editable").asBoolean()).isTrue();
        assertThat(field(mine, "tier").get("editable").asBoolean()).isFalse();

        JsonNode refused = f.as(acmeRep).patch("/api/portal/profile", Map.of("properties", Map.of("industry", "IT")))
                .problem(403);
        assertThat(refused.get("detail").asText()).contains("restricted");

        JsonNode edited = f.as(acmeAdmin).patch("/api/portal/profile", Map.of("properties", Map.of("industry", "IT",
                "logo", "https://cdn.example/acme.png"))).expect(200).json();
        assertThat(field(edited, "industry").get("value").asText()).isEqualTo("IT");
        assertThat(f.admin.get("/api/admin/partners/" + acme).json().at("/properties/logo").asText())
                .isEqualTo("https://cdn.example/acme.png");
        // segments re-evaluate in the same request
        assertThat(f.admin.get("/api/admin/segments/" + industryIt + "/members").json().at("/items/0/id").asText())
                .isEqualTo(acme);
        PartnerChanged change = changes.of(acme).get(changes.of(acme).size() - 1);
        assertThat(change.cause()).isEqualTo(ChangeCause.PROFILE_EDIT);
        assertThat(change.actor().id()).isEqualTo(acmeAdmin);
        assertThat(change.changes()).containsOnlyKeys("industry", "logo");

        // the rep becomes an admin: the next request may edit
        f.admin.patch("/api/admin/contacts/" + acmeRep, Map.of("role", "admin")).expect(200);
        f.as(acmeRep).patch("/api/portal/profile", Map.of("properties", Map.of("industry", "Software"))).expect(200);
        f.admin.patch("/api/admin/contacts/" + acmeRep, Map.of("role", "sales_rep")).expect(200);
    }

    @Test
    void a_read_only_or_unknown_key_refuses_the_whole_edit_naming_each_key() {
        String before = f.admin.get("/api/admin/partners/" + acme).json().at("/properties/industry").asText();
        JsonNode problem = f.as(acmeAdmin).patch("/api/portal/profile", Map.of("properties", Map.of("industry",
                "Changed", "tier", "platinum", "type", "msp", "employee_count", 3))).problem(422);
        List<String> errors = new ArrayList<>();
        problem.get("errors").forEach(e -> errors.add(e.get("pointer").asText() + " " + e.get("code").asText()));
        assertThat(errors).containsExactlyInAnyOrder("/properties/tier read_only", "/properties/type read_only",
                "/properties/employee_count not_in_profile");
        assertThat(f.admin.get("/api/admin/partners/" + acme).json().at("/properties/industry").asText())
                .as("nothing written").isEqualTo(before);

        JsonNode badValue = f.as(acmeAdmin).patch("/api/portal/profile", Map.of("properties", Map.of("logo",
                "not a url"))).problem(422);
        assertThat(badValue.at("/errors/0/pointer").asText()).isEqualTo("/properties/logo");
        f.as(acmeAdmin).patch("/api/portal/profile", Map.of("colour", "red")).problem(422);
        f.as(acmeAdmin).send("PATCH", "/api/portal/profile", "{nope", "application/json").problem(400);
    }

    @Test
    void no_contact_can_read_or_edit_another_partners_profile() {
        String other = f.partner("Other Profile", Map.of("industry", "Retail"));
        String otherAdmin = f.contact(other, "admin@other-profile.example", "admin");
        // a token naming Acme changes nothing: the partner comes from the directory
        TestHttp forged = f.http.asContact(otherAdmin, acme);
        assertThat(forged.get("/api/portal/profile").expect(200).json().get("partnerId").asText()).isEqualTo(other);
        forged.patch("/api/portal/profile", Map.of("properties", Map.of("industry", "Hacked"))).expect(200);
        assertThat(f.admin.get("/api/admin/partners/" + acme).json().at("/properties/industry").asText())
                .isNotEqualTo("Hacked");
        assertThat(f.admin.get("/api/admin/partners/" + other).json().at("/properties/industry").asText())
                .isEqualTo("Hacked");
        f.admin.get("/api/portal/profile").expect(403);
    }
}
