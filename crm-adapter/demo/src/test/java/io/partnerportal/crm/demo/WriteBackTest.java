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

import static io.partnerportal.crm.demo.RoundTrip.await;
import static io.partnerportal.crm.demo.RoundTrip.leaf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004: a partner's profile edit is written back to the CRM through the transactional outbox —
 * exactly once, whatever fails on the way, and never echoed back.
 */
@ScenarioTest
class WriteBackTest implements PortalTest {

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
        t.property("partner", "industry", "string", "crm", true);
        t.property("partner", "country", "string", "crm", true);
        t.property("partner", "type", "string", "crm", false);
        String admins = t.segment("Role admin", "contact", leaf("contact.role", "in", List.of("admin")));
        long version = t.admin.get("/api/admin/profile/settings").expect(200).json().get("version").asLong();
        t.admin.put("/api/admin/profile/settings", Map.of("properties", List.of(Map.of("key", "industry", "mode",
                "editable"), Map.of("key", "country", "mode", "editable")), "editAudience", Map.of("type", "segments",
                "segmentIds", List.of(admins)), "version", version)).expect(200);
    }

    record Linked(String crmId, String partnerId, TestHttp admin) {
    }

    private Linked linked(String name) {
        String crmId = "crm-" + name.toLowerCase();
        t.crmCompany(crmId, name, Map.of("industry", "Software", "country", "Belgium"));
        String partner = t.partner(name, crmId, Map.of("industry", "Software", "country", "Belgium"));
        String admin = t.contact(partner, "admin@" + name.toLowerCase() + ".example", "admin", null);
        return new Linked(crmId, partner, t.as(admin));
    }

    private List<JsonNode> delivered(String partnerId, int count) {
        return await(count + " delivered write-back(s) of " + partnerId, () -> t.outboxOf(partnerId),
                entries -> entries.size() == count && entries.stream()
                        .allMatch(e -> e.get("status").asText().equals("delivered")));
    }

    @Test
    void a_profile_edit_reaches_the_crm_exactly_once_even_when_the_first_delivery_fails_and_is_not_echoed() {
        Linked acme = linked("Acmewb");
        t.failNext(1, "reject");
        acme.admin().patch("/api/portal/profile", Map.of("properties", Map.of("industry", "IT"))).expect(200);

        JsonNode entry = delivered(acme.partnerId(), 1).get(0);
        assertThat(entry.get("attempts").asInt()).as("the first delivery failed, the retry succeeded").isEqualTo(2);
        assertThat(entry.get("lastError").asText()).contains("503");
        assertThat(entry.get("cause").asText()).isEqualTo("profile_edit");
        assertThat(entry.at("/actor/kind").asText()).isEqualTo("contact");
        assertThat(entry.get("field").asText()).isEqualTo("industry");
        assertThat(entry.get("value").asText()).isEqualTo("IT");

        List<JsonNode> writes = t.writeBacksTo(acme.crmId());
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0).get("idempotencyKey").asText()).isEqualTo(entry.get("id").asText());
        assertThat(writes.get(0).at("/fields/industry").asText()).isEqualTo("IT");
        assertThat(writes.get(0).get("duplicates").asInt()).isZero();
        assertThat(t.admin.get("/api/admin/crm/demo/companies/" + acme.crmId()).json().at("/fields/industry").asText())
                .isEqualTo("IT");

        // no echo: the CRM raising a change, and a full pass, write nothing back
        JsonNode crmChange = t.changeCrmCompany(acme.crmId(), Map.of("country", "France"));
        assertThat(crmChange.at("/sync/changed/0").asText()).isEqualTo("country");
        JsonNode pass = t.admin.post("/api/admin/crm/sync", Map.of()).expect(200).json();
        assertThat(pass.get("ran").asBoolean()).isTrue();
        assertThat(t.outboxOf(acme.partnerId())).hasSize(1);
        assertThat(t.writeBacksTo(acme.crmId())).hasSize(1);
        assertThat(t.partnerProperties(acme.partnerId()).get("industry").asText()).isEqualTo("IT");
        assertThat(t.partnerProperties(acme.partnerId()).get("country").asText()).isEqualTo("France");
    }

    @Test
    void a_lost_answer_is_retried_with_the_same_key_and_the_crm_applies_it_once() {
        Linked globex = linked("Globexwb");
        t.failNext(1, "lose_response");
        globex.admin().patch("/api/portal/profile", Map.of("properties", Map.of("industry", "Hardware"))).expect(200);

        JsonNode entry = delivered(globex.partnerId(), 1).get(0);
        assertThat(entry.get("attempts").asInt()).isEqualTo(2);
        List<JsonNode> writes = t.writeBacksTo(globex.crmId());
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0).get("duplicates").asInt()).as("the retry was recognised by its key").isEqualTo(1);
    }

    @Test
    void changes_of_one_field_reach_the_crm_in_order() {
        Linked hooli = linked("Hooliwb");
        t.failNext(1, "reject");
        hooli.admin().patch("/api/portal/profile", Map.of("properties", Map.of("industry", "Cloud"))).expect(200);
        hooli.admin().patch("/api/portal/profile", Map.of("properties", Map.of("industry", "AI"))).expect(200);
        delivered(hooli.partnerId(), 2);
        List<JsonNode> writes = t.writeBacksTo(hooli.crmId());
        assertThat(writes).extracting(w -> w.at("/fields/industry").asText()).containsExactly("Cloud", "AI");
        assertThat(t.admin.get("/api/admin/crm/demo/companies/" + hooli.crmId()).json().at("/fields/industry").asText())
                .isEqualTo("AI");
    }

    @Test
    void a_write_back_that_keeps_failing_waits_for_an_admin_while_the_portal_keeps_its_value() {
        Linked stark = linked("Starkwb");
        t.failNext(3, "reject");
        stark.admin().patch("/api/portal/profile", Map.of("properties", Map.of("industry", "Robotics"))).expect(200);
        JsonNode failed = await("a failed write-back", () -> t.outboxOf(stark.partnerId()),
                entries -> entries.size() == 1 && entries.get(0).get("status").asText().equals("failed")).get(0);
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(t.admin.get("/api/admin/crm/outbox?status=failed").json().toString())
                .contains(failed.get("id").asText());

        // the CRM still says Software; a full pass must not overwrite the newer portal value
        t.admin.post("/api/admin/crm/sync", Map.of()).expect(200);
        assertThat(t.partnerProperties(stark.partnerId()).get("industry").asText()).isEqualTo("Robotics");

        String id = failed.get("id").asText();
        JsonNode retried = t.admin.post("/api/admin/crm/outbox/" + id + "/retry", Map.of()).expect(200).json();
        assertThat(retried.get("status").asText()).isEqualTo("pending");
        delivered(stark.partnerId(), 1);
        assertThat(t.admin.get("/api/admin/crm/demo/companies/" + stark.crmId()).json().at("/fields/industry").asText())
                .isEqualTo("Robotics");
        t.admin.post("/api/admin/crm/outbox/" + id + "/retry", Map.of()).problem(409);
        t.admin.post("/api/admin/crm/outbox/6f1b2a3c-0000-4000-8000-000000000000/retry", Map.of()).problem(404);
        t.admin.get("/api/admin/crm/outbox?status=lost").problem(422);
        JsonNode audit = t.admin.get("/api/admin/audit?entityType=crm_outbox&entityId=" + id).expect(200).json();
        assertThat(audit.at("/items/0/action").asText()).isEqualTo("retried");
    }

    @Test
    void only_portal_changes_of_writable_crm_properties_of_linked_records_are_written_back() {
        Linked wayne = linked("Waynewb");
        t.admin.patch("/api/admin/partners/" + wayne.partnerId(), Map.of("properties", Map.of("country", "Canada",
                "type", "reseller", "tier", "gold"))).expect(200);
        JsonNode entry = delivered(wayne.partnerId(), 1).get(0);
        assertThat(entry.get("property").asText()).as("type is not writable, tier is a portal property")
                .isEqualTo("country");
        assertThat(entry.get("cause").asText()).isEqualTo("admin_edit");

        String unlinked = t.partner("Unlinkedwb", null, Map.of());
        t.admin.patch("/api/admin/partners/" + unlinked, Map.of("properties", Map.of("country", "Peru"))).expect(200);
        assertThat(t.outboxOf(unlinked)).as("no CRM id, nothing to write back").isEmpty();
    }
}
