package io.partnerportal.partners;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.partners.application.DemoData;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A newcomer starting the service on an empty database sees the demo dataset of the product documents. */
@ScenarioTest
class DemoDataTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    DemoData demoData;

    TestHttp admin;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("portal.demo-data.enabled", "true");
    }

    @BeforeAll
    void setUp() {
        admin = new TestHttp(server.getURL()).asAdmin();
    }

    @Test
    void gold_resellers_in_the_united_states_exist() {
        JsonNode gold = admin.get("/api/admin/partners?property.tier=gold&property.type=reseller"
                + "&property.country=United%20States").expect(200).json();
        assertThat(gold.get("total").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void every_onboarding_phase_and_both_certifications_are_represented() {
        for (String phase : List.of("prospecting", "signed_contract", "onboarding", "active")) {
            assertThat(admin.get("/api/admin/partners?property.onboarding_phase=" + phase).json().get("total").asLong())
                    .as(phase).isPositive();
        }
        assertThat(admin.get("/api/admin/partners?property.certified=true").json().get("total").asLong()).isPositive();
        assertThat(admin.get("/api/admin/partners?property.certified=false").json().get("total").asLong()).isPositive();
        assertThat(admin.get("/api/admin/contacts?property.certified=true").json().get("total").asLong()).isPositive();
        assertThat(admin.get("/api/admin/contacts?property.certified=false").json().get("total").asLong()).isPositive();
    }

    @Test
    void contacts_have_admin_and_sales_rep_roles_and_languages() {
        assertThat(admin.get("/api/admin/contacts?property.role=admin").json().get("total").asLong()).isPositive();
        assertThat(admin.get("/api/admin/contacts?property.role=sales_rep").json().get("total").asLong()).isPositive();
        assertThat(admin.get("/api/admin/contacts?property.language=en").json().get("total").asLong()).isPositive();
        List<String> keys = new ArrayList<>();
        admin.get("/api/admin/properties?level=partner&size=500").json().get("items")
                .forEach(p -> keys.add(p.get("key").asText() + ":" + p.get("source").asText()));
        assertThat(keys).contains("type:crm", "country:crm");
    }

    @Test
    void it_is_loaded_once() {
        long partners = admin.get("/api/admin/partners").json().get("total").asLong();
        assertThat(demoData.loadIfEmpty()).isFalse();
        assertThat(admin.get("/api/admin/partners").json().get("total").asLong()).isEqualTo(partners);
    }
}
