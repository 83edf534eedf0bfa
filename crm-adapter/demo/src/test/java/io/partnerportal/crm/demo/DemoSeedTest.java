package io.partnerportal.crm.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A newcomer's service: the demo dataset in the portal and the same records in the demo CRM, in step. */
@ScenarioTest
class DemoSeedTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    RoundTrip t;

    @Override
    public Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>(RoundTrip.fastOutbox());
        p.put("portal.demo-data.enabled", "true");
        return p;
    }

    @BeforeAll
    void setUp() {
        t = new RoundTrip(new TestHttp(server.getURL()));
    }

    @Test
    void the_demo_crm_holds_the_demo_partners_and_contacts_under_their_crm_ids() {
        JsonNode companies = t.admin.get("/api/admin/crm/demo/companies?size=500").expect(200).json();
        JsonNode people = t.admin.get("/api/admin/crm/demo/people?size=500").expect(200).json();
        assertThat(companies.get("total").asLong()).isEqualTo(t.admin.get("/api/admin/partners").json().get("total")
                .asLong()).isEqualTo(10);
        assertThat(people.get("total").asLong()).isEqualTo(t.admin.get("/api/admin/contacts").json().get("total")
                .asLong());
        JsonNode acme = t.admin.get("/api/admin/crm/demo/companies/demo-acme-resellers").expect(200).json();
        assertThat(acme.at("/fields/tier").asText()).isEqualTo("gold");
        assertThat(acme.get("domain").asText()).isEqualTo("acme-resellers.example");
        JsonNode ann = t.admin.get("/api/admin/crm/demo/people/demo-ann-lee").expect(200).json();
        assertThat(ann.at("/fields/job_role").asText()).isEqualTo("admin");
        assertThat(ann.get("companyCrmId").asText()).isEqualTo("demo-acme-resellers");
    }

    @Test
    void a_full_pass_finds_portal_and_crm_in_step_and_changes_nothing() {
        JsonNode report = t.admin.post("/api/admin/crm/sync", Map.of()).expect(200).json();
        assertThat(report.get("ran").asBoolean()).isTrue();
        assertThat(report.get("companies").asLong()).isEqualTo(10);
        assertThat(report.at("/outcomes/updated").isMissingNode()).as("%s", report).isTrue();
        assertThat(report.at("/outcomes/failed").isMissingNode()).as("%s", report).isTrue();
        assertThat(report.at("/outcomes/unlinked").isMissingNode()).as("%s", report).isTrue();
        assertThat(t.admin.get("/api/admin/crm/outbox").json().get("total").asLong()).isZero();
    }

    @Test
    void a_tier_upgrade_in_the_demo_crm_shows_in_the_portal() {
        String initech = t.admin.get("/api/admin/partners?q=Initech").json().at("/items/0/id").asText();
        assertThat(t.partnerProperties(initech).get("tier").asText()).isEqualTo("silver");
        t.changeCrmCompany("demo-initech-partners", Map.of("tier", "gold"));
        assertThat(t.partnerProperties(initech).get("tier").asText()).isEqualTo("gold");
    }
}
