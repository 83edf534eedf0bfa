package io.partnerportal.roles;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.partners.api.PropertyCatalogue;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.PropertyOption;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins add, rename and delete roles; the options of contact.role follow; a role in use stays. */
@ScenarioTest
class RoleAdministrationTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    PropertyCatalogue catalogue;

    RolesScenario s;

    @BeforeEach
    void scenario() {
        s = new RolesScenario(new TestHttp(server.getURL()));
    }

    private List<String> roleOptionKeys() {
        return catalogue.find(PropertyLevel.CONTACT, "role").orElseThrow().options().stream().map(PropertyOption::key)
                .toList();
    }

    @Test
    void the_preset_roles_exist_from_the_first_start_with_sales_rep_the_default() {
        JsonNode roles = s.roles();
        assertThat(roles.get("items").findValuesAsText("key")).startsWith("admin", "sales_rep", "solutions_engineer",
                "marketing", "partner_manager");
        assertThat(roles.get("items").findValuesAsText("name")).startsWith("Admin", "Sales rep", "Solutions engineer",
                "Marketing", "Partner manager");
        JsonNode salesRep = s.admin.get("/api/admin/roles/" + s.roleId("sales_rep")).expect(200).json();
        assertThat(salesRep.get("isDefault").asBoolean()).isTrue();
        assertThat(salesRep.get("collaborationRestricted").asBoolean()).isFalse();
        assertThat(roleOptionKeys()).containsAll(List.of("admin", "sales_rep", "solutions_engineer", "marketing",
                "partner_manager"));
    }

    @Test
    void an_admin_adds_a_role_and_it_becomes_an_option_of_contact_role_for_conditions() {
        String key = "reseller_" + s.tag.replaceAll("[^a-z0-9]", "");
        JsonNode created = s.admin.post("/api/admin/roles", Map.of("key", key, "name", "Reseller " + s.tag,
                "collaborationRestricted", true)).expect(201).json();
        assertThat(created.get("isDefault").asBoolean()).isFalse();
        assertThat(created.get("collaborationRestricted").asBoolean()).isTrue();
        assertThat(created.get("version").asLong()).isEqualTo(1);
        assertThat(roleOptionKeys()).contains(key);
        // segments can now target it, and contacts can have it
        String partner = s.partner("Resellers");
        String contact = s.contact(partner, "res", Map.of());
        String segment = s.roleSegment("Resellers role", key);
        s.assign(contact, key);
        assertThat(s.members(segment)).containsExactly(contact);
        assertThat(s.audit("role").get(0).get("action").asText()).isIn("created", "updated", "deleted");
    }

    @Test
    void a_duplicate_key_or_name_is_a_409_and_a_bad_request_a_422_with_pointers() {
        s.admin.post("/api/admin/roles", Map.of("key", "admin", "name", "Another admin")).problem(409);
        JsonNode dup = s.admin.post("/api/admin/roles", Map.of("key", "admins_too", "name", "ADMIN")).problem(409);
        assertThat(dup.get("pointer").asText()).isEqualTo("/name");
        JsonNode bad = s.admin.post("/api/admin/roles", Map.of("key", "Not A Key", "name", " ", "color", "red",
                "collaborationRestricted", "yes")).problem(422);
        assertThat(bad.get("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/key", "/name", "/color",
                "/collaborationRestricted");
        s.admin.get("/api/admin/roles/00000000-0000-4000-8000-000000000000").problem(404);
        s.admin.get("/api/admin/roles/not-an-id").problem(404);
    }

    @Test
    void renaming_keeps_the_key_changes_the_option_label_and_is_audited() {
        String id = s.createRole("rename_" + s.tag.replaceAll("[^a-z0-9]", ""), "Before " + s.tag);
        JsonNode renamed = s.admin.patch("/api/admin/roles/" + id, Map.of("name", "After " + s.tag, "version", 1))
                .expect(200).json();
        assertThat(renamed.get("name").asText()).isEqualTo("After " + s.tag);
        assertThat(renamed.get("version").asLong()).isEqualTo(2);
        assertThat(catalogue.find(PropertyLevel.CONTACT, "role").orElseThrow().options())
                .contains(new PropertyOption(renamed.get("key").asText(), "After " + s.tag));
        // the key never changes; a stale version is a 412
        s.admin.patch("/api/admin/roles/" + id, Map.of("key", "other")).problem(422);
        JsonNode stale = s.admin.patch("/api/admin/roles/" + id, Map.of("name", "Late", "version", 1)).problem(412);
        assertThat(stale.get("currentVersion").asLong()).isEqualTo(2);
        s.admin.with("If-Match", "\"1\"").patch("/api/admin/roles/" + id, Map.of("name", "Late")).problem(412);

        JsonNode audit = s.admin.get("/api/admin/audit?entityType=role&entityId=" + id).expect(200).json();
        assertThat(audit.at("/items/0/action").asText()).isEqualTo("updated");
        assertThat(audit.at("/items/0/before/name").asText()).isEqualTo("Before " + s.tag);
        assertThat(audit.at("/items/0/after/name").asText()).isEqualTo("After " + s.tag);
        assertThat(audit.at("/items/1/action").asText()).isEqualTo("created");
    }

    @Test
    void the_collaboration_restriction_is_a_permission_of_the_role() {
        String id = s.createRole("restricted_" + s.tag.replaceAll("[^a-z0-9]", ""), "Restricted " + s.tag);
        JsonNode on = s.admin.patch("/api/admin/roles/" + id, Map.of("collaborationRestricted", true)).expect(200)
                .json();
        assertThat(on.get("collaborationRestricted").asBoolean()).isTrue();
        JsonNode audit = s.admin.get("/api/admin/audit?entityType=role&entityId=" + id).expect(200).json();
        assertThat(audit.at("/items/0/before/collaborationRestricted").asBoolean()).isFalse();
        assertThat(audit.at("/items/0/after/collaborationRestricted").asBoolean()).isTrue();
    }

    @Test
    void an_unused_role_is_deleted_and_leaves_the_options_of_contact_role() {
        String key = "gone_" + s.tag.replaceAll("[^a-z0-9]", "");
        String id = s.createRole(key, "Gone " + s.tag);
        s.admin.delete("/api/admin/roles/" + id).expect(204);
        s.admin.get("/api/admin/roles/" + id).problem(404);
        assertThat(roleOptionKeys()).doesNotContain(key);
        assertThat(s.admin.get("/api/admin/audit?entityType=role&entityId=" + id).json().at("/items/0/action")
                .asText()).isEqualTo("deleted");
    }

    @Test
    void deleting_a_role_in_use_is_a_409_listing_assignments_crm_mapping_and_segment_conditions() {
        String key = "used_" + s.tag.replaceAll("[^a-z0-9]", "");
        String id = s.createRole(key, "Used " + s.tag);
        String partner = s.partner("Users");
        String contact = s.contact(partner, "user", Map.of());
        s.assign(contact, key);
        String segment = s.roleSegment("Used role", key);
        s.admin.put("/api/admin/roles/crm-mapping", Map.of("mappings", List.of(Map.of("crmValue", "Used " + s.tag,
                "role", key)))).expect(200);

        JsonNode problem = s.admin.delete("/api/admin/roles/" + id).problem(409);
        assertThat(problem.get("usages").findValuesAsText("kind")).contains("assignments", "crm_mapping", "segment");
        assertThat(problem.get("usages").findValuesAsText("id")).contains(segment);
        assertThat(s.admin.get("/api/admin/roles/" + id + "/usages").expect(200).json().size()).isEqualTo(3);
        assertThat(roleOptionKeys()).contains(key);
        assertThat(s.roleOf(contact)).isEqualTo(key);

        // remove the usages one by one: then it goes
        s.admin.delete("/api/admin/contacts/" + contact + "/role").expect(200);
        s.admin.put("/api/admin/roles/crm-mapping", Map.of("mappings", List.of())).expect(200);
        s.admin.delete("/api/admin/segments/" + segment).expect(204);
        s.admin.delete("/api/admin/roles/" + id).expect(204);
        assertThat(roleOptionKeys()).doesNotContain(key);
    }

    @Test
    void the_default_role_cannot_be_deleted() {
        JsonNode problem = s.admin.delete("/api/admin/roles/" + s.roleId("sales_rep")).problem(409);
        assertThat(problem.get("usages").findValuesAsText("kind")).containsExactly("default_role");
    }
}
