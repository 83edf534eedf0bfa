package io.partnerportal.roles;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.roles.api.RoleDirectory;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CRM role mapping: stored here, validated against the roles, read by the CRM sync. */
@ScenarioTest
class CrmMappingTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    RoleDirectory directory;

    RolesScenario s;

    @BeforeEach
    void scenario() {
        s = new RolesScenario(new TestHttp(server.getURL()));
    }

    @Test
    void an_admin_maps_crm_values_to_roles_and_the_sync_reads_them_ignoring_case() {
        JsonNode empty = s.admin.get("/api/admin/roles/crm-mapping").expect(200).json();
        JsonNode saved = s.admin.put("/api/admin/roles/crm-mapping", Map.of("field", "partner_role",
                "version", empty.get("version").asLong(),
                "mappings", List.of(Map.of("crmValue", "Decision Maker", "role", "admin"),
                        Map.of("crmValue", "Sales", "role", "sales_rep")))).expect(200).json();
        assertThat(saved.get("field").asText()).isEqualTo("partner_role");
        assertThat(saved.get("mappings").findValuesAsText("role")).containsExactly("admin", "sales_rep");
        assertThat(s.admin.get("/api/admin/roles/crm-mapping").expect(200).json()).isEqualTo(saved);

        assertThat(directory.crmRoles().field()).isEqualTo("partner_role");
        assertThat(directory.crmRoles().roleFor(" decision maker ")).contains("admin");
        assertThat(directory.crmRoles().roleFor("Unknown")).isEmpty();

        JsonNode audit = s.audit("role_crm_mapping");
        assertThat(audit.get(0).at("/after/mappings/0/crmValue").asText()).isEqualTo("Decision Maker");

        // a stale version is a 412
        s.admin.put("/api/admin/roles/crm-mapping", Map.of("version", empty.get("version").asLong(),
                "mappings", List.of())).problem(412);
    }

    @Test
    void unknown_roles_duplicate_values_and_bad_shapes_are_422_with_pointers_and_nothing_is_saved() {
        JsonNode before = s.admin.get("/api/admin/roles/crm-mapping").expect(200).json();
        JsonNode problem = s.admin.put("/api/admin/roles/crm-mapping", Map.of("mappings", List.of(
                Map.of("crmValue", "A", "role", "emperor"),
                Map.of("crmValue", "b", "role", "admin"),
                Map.of("crmValue", "B", "role", "admin"),
                Map.of("crmValue", " ", "role", "admin", "extra", 1)), "colour", "red")).problem(422);
        assertThat(problem.get("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/colour",
                "/mappings/0/role", "/mappings/2/crmValue", "/mappings/3/crmValue", "/mappings/3/extra");
        assertThat(s.admin.get("/api/admin/roles/crm-mapping").expect(200).json()).isEqualTo(before);
        s.admin.put("/api/admin/roles/crm-mapping", Map.of("field", "x")).problem(422);
    }
}
