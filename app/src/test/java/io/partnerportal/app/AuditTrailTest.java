package io.partnerportal.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real configuration changes in the assembled service land in the audit log, and the onboarding
 * flow leaves both its membership history and its configuration trail.
 */
@ScenarioTest
class AuditTrailTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    TestHttp admin() {
        return new TestHttp(server.getURL()).asAdmin();
    }

    @Test
    void the_onboarding_flow_leaves_its_history_and_every_segment_change_is_audited() {
        TestHttp admin = admin();
        String acme = admin.post("/api/admin/partners", Map.of("name", "Audited Acme", "properties",
                Map.of("onboarding_phase", "prospecting"))).expect(201).text("/id");
        String prospecting = admin.post("/api/admin/segments", Map.of("name", "Audited prospecting", "level",
                "partner", "kind", "dynamic", "condition", phase("prospecting"))).expect(201).text("/id");
        String signed = admin.post("/api/admin/segments", Map.of("name", "Audited signed", "level", "partner",
                "kind", "dynamic", "condition", phase("onboarding"))).expect(201).text("/id");
        admin.put("/api/admin/segments/" + signed, Map.of("name", "Audited signed", "version", 1, "condition",
                phase("signed_contract"))).expect(200);

        admin.patch("/api/admin/partners/" + acme, Map.of("properties", Map.of("onboarding_phase",
                "signed_contract"))).expect(200);

        JsonNode history = admin.get("/api/admin/partners/" + acme + "/membership-history").expect(200).json();
        assertThat(history.at("/items/0/cause/type").asText()).isEqualTo("property_change");
        assertThat(history.get("items").findValuesAsText("segmentId")).contains(prospecting, signed);

        JsonNode trail = admin.get("/api/admin/audit?entityType=segment&entityId=" + signed).expect(200).json();
        assertThat(trail.get("items").findValuesAsText("action")).containsExactly("updated", "created");
        JsonNode edit = trail.at("/items/0");
        assertThat(edit.at("/before/condition/values/0").asText()).isEqualTo("onboarding");
        assertThat(edit.at("/after/condition/values/0").asText()).isEqualTo("signed_contract");
        assertThat(edit.at("/actor/kind").asText()).isEqualTo("admin");
        assertThat(trail.at("/items/1/before").isNull()).isTrue();
    }

    @Test
    void static_edits_and_deletions_of_segments_are_audited() {
        TestHttp admin = admin();
        String acme = admin.post("/api/admin/partners", Map.of("name", "Hand-picked Acme")).expect(201).text("/id");
        String picked = admin.post("/api/admin/segments", Map.of("name", "Audited hand-picked", "level", "partner",
                "kind", "static")).expect(201).text("/id");
        admin.post("/api/admin/segments/" + picked + "/members", Map.of("ids", List.of(acme))).expect(200);
        admin.delete("/api/admin/segments/" + picked).expect(204);

        JsonNode trail = admin.get("/api/admin/audit?entityType=segment&entityId=" + picked).expect(200).json();
        assertThat(trail.get("items").findValuesAsText("action"))
                .containsExactly("deleted", "members_added", "created");
        assertThat(trail.at("/items/1/after/joined/0").asText()).isEqualTo(acme);
        assertThat(trail.at("/items/0/after").isNull()).isTrue();
        assertThat(trail.at("/items/0/before/name").asText()).isEqualTo("Audited hand-picked");
    }

    @Test
    void catalogue_additions_edits_and_archiving_are_audited() {
        TestHttp admin = admin();
        admin.post("/api/admin/properties", Map.of("level", "partner", "key", "region", "label", "Region",
                "type", "enum", "options", List.of(Map.of("key", "emea", "label", "EMEA")))).expect(201);
        admin.patch("/api/admin/properties/partner/region", Map.of("label", "Sales region")).expect(200);
        admin.patch("/api/admin/properties/partner/region", Map.of("archived", true)).expect(200);

        JsonNode trail = admin.get("/api/admin/audit?entityType=property&entityId=partner.region").expect(200).json();
        assertThat(trail.get("items").findValuesAsText("action")).containsExactly("archived", "updated", "created");
        assertThat(trail.at("/items/1/before/label").asText()).isEqualTo("Region");
        assertThat(trail.at("/items/1/after/label").asText()).isEqualTo("Sales region");
        assertThat(trail.at("/items/2/after/options/0/key").asText()).isEqualTo("emea");
    }

    private static Map<String, Object> phase(String phase) {
        return Map.of("property", "partner.onboarding_phase", "op", "in", "values", List.of(phase));
    }
}
