package io.partnerportal.crm;

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

/** Settings → CRM: which CRM field syncs with which property; without a connector nothing is queued. */
@ScenarioTest
class CrmMappingApiTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    TestHttp admin;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("portal.crm.full-sync.enabled", "false");
    }

    @BeforeAll
    void setUp() {
        admin = new TestHttp(server.getURL()).asAdmin();
    }

    @Test
    void the_demo_crm_mapping_is_there_from_the_start() {
        JsonNode mapping = admin.get("/api/admin/crm/mapping").expect(200).json();
        assertThat(mapping.toString()).contains("\"field\":\"tier\"", "\"object\":\"person\"");
    }

    @Test
    void a_replacement_is_validated_versioned_audited_and_guards_its_properties() {
        long version = admin.get("/api/admin/crm/mapping").json().get("version").asLong();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("fields", List.of(Map.of("object", "company", "field", "Partner_Tier__c", "property", "nope"),
                Map.of("object", "company", "field", "Name", "property", "name")));
        bad.put("roleField", "job_role");
        bad.put("version", version);
        JsonNode problem = admin.put("/api/admin/crm/mapping", bad).problem(422);
        List<String> pointers = new ArrayList<>();
        problem.get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
        assertThat(pointers).containsExactlyInAnyOrder("/fields/0/property", "/fields/1/property", "/roleField");
        assertThat(problem.toString()).as("the role field is the roles module's setting").contains("unknown_field");

        admin.post("/api/admin/properties", Map.of("level", "partner", "key", "region", "label", "Region", "type",
                "string", "source", "crm", "crmWritable", true)).expect(201);
        Map<String, Object> good = new LinkedHashMap<>();
        good.put("fields", List.of(Map.of("object", "company", "field", "Partner_Tier__c", "property", "tier"),
                Map.of("object", "company", "field", "Region__c", "property", "region")));
        good.put("version", version);
        JsonNode saved = admin.put("/api/admin/crm/mapping", good).expect(200).json();
        assertThat(saved.get("version").asLong()).isEqualTo(version + 1);
        assertThat(saved.get("fields").size()).isEqualTo(2);
        admin.put("/api/admin/crm/mapping", good).problem(412);

        JsonNode audit = admin.get("/api/admin/audit?entityType=crm_mapping").expect(200).json();
        assertThat(audit.at("/items/0/after/fields/1/field").asText()).isEqualTo("Region__c");
        JsonNode inUse = admin.patch("/api/admin/properties/partner/region", Map.of("archived", true)).problem(409);
        assertThat(inUse.toString()).contains("crm_mapping", "Region__c");
    }

    @Test
    void without_a_connector_nothing_is_queued_and_no_pass_runs() {
        String partner = admin.post("/api/admin/partners", Map.of("name", "Unplugged", "crmIds", Map.of("demo", "x1")))
                .expect(201).text("/id");
        admin.post("/api/admin/properties", Map.of("level", "partner", "key", "segment_code", "label", "Code", "type",
                "string", "source", "crm", "crmWritable", true)).expect(201);
        admin.patch("/api/admin/partners/" + partner, Map.of("properties", Map.of("segment_code", "A"))).expect(200);
        assertThat(admin.get("/api/admin/crm/outbox").expect(200).json().get("total").asLong()).isZero();
        JsonNode pass = admin.post("/api/admin/crm/sync", Map.of()).expect(200).json();
        assertThat(pass.get("ran").asBoolean()).isFalse();
        assertThat(admin.post("/api/admin/crm/outbox/deliver", Map.of()).expect(200).json().get("attempted").asInt())
                .isZero();
    }
}
