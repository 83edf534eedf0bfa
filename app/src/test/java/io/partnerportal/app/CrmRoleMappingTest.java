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
 * The CRM sync and the roles module together: a person's job role changed in the CRM becomes the
 * contact's partner role through the roles module's CRM role mapping, and "role = admin" segments follow.
 */
@ScenarioTest
class CrmRoleMappingTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("portal.crm.full-sync.enabled", "false");
    }

    @Test
    void a_job_role_changed_in_the_crm_assigns_the_mapped_partner_role_and_moves_the_contact_between_segments() {
        TestHttp admin = new TestHttp(server.getURL()).asAdmin();
        JsonNode mapping = admin.get("/api/admin/roles/crm-mapping").expect(200).json();
        admin.put("/api/admin/roles/crm-mapping", Map.of("field", "job_role", "version",
                mapping.get("version").asLong(), "mappings", List.of(Map.of("crmValue", "Partner Admin", "role",
                        "admin")))).expect(200);
        admin.post("/api/admin/crm/demo/companies", Map.of("crmId", "co-roles", "name", "Roles Co", "fields",
                Map.of())).expect(201);
        String partner = admin.post("/api/admin/partners", Map.of("name", "Roles Co", "crmIds",
                Map.of("demo", "co-roles"))).expect(201).text("/id");
        admin.post("/api/admin/crm/demo/people", Map.of("crmId", "p-roles", "companyCrmId", "co-roles", "email",
                "ann@roles.example", "fields", Map.of("job_role", "Engineer"))).expect(201);
        String ann = admin.post("/api/admin/contacts", Map.of("partnerId", partner, "email", "ann@roles.example",
                "crmIds", Map.of("demo", "p-roles"))).expect(201).text("/id");
        String admins = admin.post("/api/admin/segments", Map.of("name", "Partner admins", "level", "contact",
                "kind", "dynamic", "condition", Map.of("property", "contact.role", "op", "in", "values",
                        List.of("admin")))).expect(201).text("/id");
        assertThat(admin.get("/api/admin/contacts/" + ann + "/role").expect(200).text("/role/key"))
                .isEqualTo("sales_rep");

        admin.patch("/api/admin/crm/demo/people/p-roles", Map.of("fields", Map.of("job_role", "Partner Admin")))
                .expect(200);

        JsonNode role = admin.get("/api/admin/contacts/" + ann + "/role").expect(200).json();
        assertThat(role.at("/role/key").asText()).isEqualTo("admin");
        assertThat(role.get("assigned").asBoolean()).isTrue();
        assertThat(admin.get("/api/admin/segments/" + admins + "/members").json().get("items")
                .findValuesAsText("id")).containsExactly(ann);

        // an unmapped value leaves the role alone
        admin.patch("/api/admin/crm/demo/people/p-roles", Map.of("fields", Map.of("job_role", "Intern"))).expect(200);
        assertThat(admin.get("/api/admin/contacts/" + ann + "/role").expect(200).text("/role/key")).isEqualTo("admin");
    }
}
