package io.partnerportal.crm.demo;

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

import static io.partnerportal.crm.demo.RoundTrip.leaf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002 "Ability to create quotes", end to end: a partner's tier changes in the CRM and its contacts
 * may create quotes on their very next request, without any manual step.
 */
@ScenarioTest
class QuotesThroughCrmTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    RoundTrip t;

    @Override
    public Map<String, String> extraProperties() {
        return RoundTrip.fastOutbox();
    }

    @BeforeAll
    void setUp() {
        t = new RoundTrip(new TestHttp(server.getURL()));
    }

    @Test
    void a_silver_partners_contact_is_refused_quotes_until_the_crm_makes_its_partner_gold() {
        String goldOrCertified = t.segment("Gold or certified", "partner", Map.of("any", List.of(
                leaf("partner.tier", "in", List.of("gold")), leaf("partner.certified", "is_true", null))));
        long version = t.admin.get("/api/admin/quotes/settings").expect(200).json().get("version").asLong();
        t.admin.put("/api/admin/quotes/settings", Map.of("allowQuoteCreation", Map.of("type", "segments",
                "segmentIds", List.of(goldOrCertified)), "version", version)).expect(200);
        String product = t.admin.post("/api/admin/quotes/products", Map.of("sku", "CRM-1", "name", "Licence",
                "listPrice", 100, "currency", "EUR")).expect(201).text("/id");

        t.crmCompany("crm-initech", "Initech", Map.of("tier", "silver"));
        String partner = t.partner("Initech", "crm-initech", Map.of("tier", "silver"));
        TestHttp rep = t.as(t.contact(partner, "lena@initech.example", "sales_rep", null));
        Map<String, Object> quote = Map.of("lines", List.of(Map.of("productId", product, "quantity", 2)));

        JsonNode refused = rep.post("/api/portal/quotes", quote).problem(403);
        assertThat(refused.get("detail").asText()).containsIgnoringCase("quote creation is restricted");
        assertThat(rep.get("/api/portal/quotes/capabilities").json().get("canCreateQuotes").asBoolean()).isFalse();

        JsonNode changed = t.changeCrmCompany("crm-initech", Map.of("tier", "gold"));
        assertThat(changed.at("/sync/status").asText()).isEqualTo("updated");
        assertThat(changed.at("/sync/linkedId").asText()).isEqualTo(partner);
        assertThat(changed.at("/sync/changed/0").asText()).isEqualTo("tier");

        assertThat(rep.get("/api/portal/quotes/capabilities").json().get("canCreateQuotes").asBoolean()).isTrue();
        JsonNode created = rep.post("/api/portal/quotes", quote).expect(201).json();
        assertThat(created.get("total").decimalValue()).isEqualByComparingTo("200");
        assertThat(t.partnerProperties(partner).get("tier").asText()).isEqualTo("gold");
        assertThat(t.outboxOf(partner)).as("a change made by the CRM sync is never written back").isEmpty();
    }
}
