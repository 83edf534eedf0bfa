package io.partnerportal.crm.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo CRM's changes reach the portal: on change, in the full pass, and through the role mapping. */
@ScenarioTest
class InboundSyncTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    RecordingRoleMapping roles;

    RoundTrip t;

    @Override
    public Map<String, String> extraProperties() {
        return RoundTrip.fastOutbox();
    }

    @BeforeAll
    void setUp() {
        t = new RoundTrip(new TestHttp(server.getURL()));
        t.property("partner", "employee_count", "number", "crm", false);
        t.property("partner", "signed_at", "date", "crm", false);
    }

    @Test
    void a_crm_change_reaches_the_linked_partner_converted_to_the_properties_types() {
        t.crmCompany("crm-vandelay", "Vandelay", Map.of());
        String partner = t.partner("Vandelay", "crm-vandelay", Map.of("tier", "silver"));
        JsonNode changed = t.changeCrmCompany("crm-vandelay", Map.of("certified", "true", "employee_count", "120",
                "signed_at", "1735689600000", "unmapped_field", "x"));
        assertThat(changed.at("/sync/status").asText()).isEqualTo("updated");
        JsonNode properties = t.partnerProperties(partner);
        assertThat(properties.get("certified").asBoolean()).isTrue();
        assertThat(properties.get("employee_count").decimalValue()).isEqualByComparingTo("120");
        assertThat(properties.get("signed_at").asText()).isEqualTo("2025-01-01");
        assertThat(properties.has("unmapped_field")).isFalse();

        JsonNode partial = t.changeCrmCompany("crm-vandelay", Map.of("tier", "diamond", "employee_count", "many"));
        assertThat(partial.at("/sync/problems").toString()).contains("tier", "employee_count");
        t.changeCrmCompany("crm-vandelay", Map.of("tier", "diamond", "certified", false));
        assertThat(t.partnerProperties(partner).get("tier").asText()).as("the bad value is skipped").isEqualTo("silver");
        assertThat(t.partnerProperties(partner).get("certified").asBoolean()).as("the good one applied").isFalse();

        JsonNode cleared = t.admin.patch("/api/admin/crm/demo/companies/crm-vandelay", Map.of("fields",
                java.util.Collections.singletonMap("employee_count", null))).expect(200).json();
        assertThat(cleared.at("/sync/changed/0").asText()).isEqualTo("employee_count");
        assertThat(t.partnerProperties(partner).has("employee_count")).isFalse();
    }

    @Test
    void a_record_nobody_links_to_is_reported_unlinked() {
        JsonNode created = t.crmCompany("crm-nobody", "Nobody", Map.of("tier", "gold"));
        assertThat(created.at("/sync/status").asText()).isEqualTo("unlinked");
        t.admin.patch("/api/admin/crm/demo/companies/crm-missing", Map.of("fields", Map.of())).problem(404);
        t.admin.post("/api/admin/crm/demo/companies", Map.of("crmId", "crm-nobody", "name", "Again")).problem(409);
        t.admin.post("/api/admin/crm/demo/companies", Map.of("fields", Map.of("bad name", 1))).problem(422);
    }

    @Test
    void a_person_change_reaches_the_contact_and_its_fields_go_to_the_role_mapping() {
        t.crmCompany("crm-soylent", "Soylent", Map.of());
        String partner = t.partner("Soylent", "crm-soylent", Map.of());
        t.crmPerson("crm-rose", "crm-soylent", "rose@soylent.example", Map.of());
        String contact = t.contact(partner, "rose@soylent.example", "sales_rep", "crm-rose");
        JsonNode changed = t.changeCrmPerson("crm-rose", Map.of("certified", true, "language", "fr", "job_role",
                "Admin"));
        assertThat(changed.at("/sync/status").asText()).isEqualTo("updated");
        JsonNode properties = t.admin.get("/api/admin/contacts/" + contact).expect(200).json().get("properties");
        assertThat(properties.get("certified").asBoolean()).isTrue();
        assertThat(properties.get("language").asText()).isEqualTo("fr");
        RecordingRoleMapping.Call call = roles.last();
        assertThat(call.contactId()).isEqualTo(contact);
        assertThat(call.personFields()).containsEntry("job_role", "Admin");
        assertThat(call.context().cause()).isEqualTo(ChangeCause.CRM_SYNC);
        assertThat(call.context().actor().id()).isEqualTo("crm-sync:demo");
    }

    @Test
    void the_full_pass_repairs_what_a_missed_change_left_behind() {
        t.crmCompany("crm-umbrella", "Umbrella", Map.of("tier", "bronze"));
        String partner = t.partner("Umbrella", "crm-umbrella", Map.of("tier", "bronze"));
        // the portal drifts away from the CRM (an admin edit of a CRM-synced field)
        t.admin.patch("/api/admin/partners/" + partner, Map.of("properties", Map.of("tier", "gold"))).expect(200);
        JsonNode report = t.admin.post("/api/admin/crm/sync", Map.of()).expect(200).json();
        assertThat(report.get("ran").asBoolean()).isTrue();
        assertThat(report.get("system").asText()).isEqualTo("demo");
        assertThat(report.at("/outcomes/updated").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(t.partnerProperties(partner).get("tier").asText()).isEqualTo("bronze");
        JsonNode again = t.admin.post("/api/admin/crm/sync", Map.of()).expect(200).json();
        assertThat(again.at("/outcomes/updated").isMissingNode()).as("a second pass finds nothing to do: %s", again)
                .isTrue();
    }

    @Test
    void no_contact_reaches_the_crm_consoles() {
        String partner = t.partner("Portalonly", null, Map.of());
        TestHttp contact = t.as(t.contact(partner, "x@portalonly.example", "admin", null));
        contact.get("/api/admin/crm/demo/companies").expect(403);
        contact.get("/api/admin/crm/outbox").expect(403);
        new TestHttp(server.getURL()).get("/api/admin/crm/mapping").expect(401);
    }
}
