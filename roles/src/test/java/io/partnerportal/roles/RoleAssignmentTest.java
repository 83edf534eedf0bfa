package io.partnerportal.roles;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.common.Actor;
import io.partnerportal.roles.api.RoleAssignments;
import io.partnerportal.roles.api.RoleDirectory;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assigning roles to contacts: the assignment is recorded here, the effective role follows in
 * {@code contact.role} in the same request, and "role = X" segments follow it.
 */
@ScenarioTest
class RoleAssignmentTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    RoleDirectory directory;
    @Inject
    RoleAssignments assignments;

    RolesScenario s;
    String partner;

    @BeforeEach
    void scenario() {
        s = new RolesScenario(new TestHttp(server.getURL()));
        partner = s.partner("Assignments");
    }

    @Test
    void a_new_contact_has_the_default_role_without_an_assignment() {
        String ann = s.contact(partner, "ann", Map.of());
        assertThat(s.roleOf(ann)).isEqualTo("sales_rep");
        JsonNode role = s.admin.get("/api/admin/contacts/" + ann + "/role").expect(200).json();
        assertThat(role.at("/role/key").asText()).isEqualTo("sales_rep");
        assertThat(role.get("assigned").asBoolean()).isFalse();
        assertThat(directory.effectiveRole(ann).key()).isEqualTo("sales_rep");
    }

    @Test
    void assigning_a_role_moves_the_contact_between_role_segments_in_the_same_request() {
        String ann = s.contact(partner, "ann", Map.of());
        String admins = s.roleSegment("Admins", "admin");
        String reps = s.roleSegment("Reps", "sales_rep");
        assertThat(s.members(reps)).containsExactly(ann);
        assertThat(directory.effectiveRole(ann).key()).isEqualTo("sales_rep"); // now cached

        JsonNode assigned = s.assign(ann, "admin");
        assertThat(assigned.at("/role/key").asText()).isEqualTo("admin");
        assertThat(assigned.get("assigned").asBoolean()).isTrue();
        assertThat(s.roleOf(ann)).isEqualTo("admin");
        assertThat(s.members(admins)).containsExactly(ann);
        assertThat(s.members(reps)).isEmpty();
        assertThat(directory.effectiveRole(ann).key()).as("the cached role was dropped").isEqualTo("admin");
        JsonNode history = s.admin.get("/api/admin/contacts/" + ann + "/membership-history").expect(200).json();
        assertThat(history.at("/items/0/cause/type").asText()).isEqualTo("role_change");

        JsonNode reverted = s.admin.delete("/api/admin/contacts/" + ann + "/role").expect(200).json();
        assertThat(reverted.at("/role/key").asText()).isEqualTo("sales_rep");
        assertThat(reverted.get("assigned").asBoolean()).isFalse();
        assertThat(s.members(reps)).containsExactly(ann);
        assertThat(s.members(admins)).isEmpty();
        assertThat(directory.effectiveRole(ann).key()).isEqualTo("sales_rep");
    }

    @Test
    void a_role_named_in_a_contact_patch_or_at_creation_is_recorded_as_the_assignment() {
        String bob = s.contact(partner, "bob", Map.of("role", "marketing"));
        JsonNode role = s.admin.get("/api/admin/contacts/" + bob + "/role").expect(200).json();
        assertThat(role.at("/role/key").asText()).isEqualTo("marketing");
        assertThat(role.get("assigned").asBoolean()).isTrue();

        // naming the default explicitly is an assignment too: it survives a change of the default
        s.admin.patch("/api/admin/contacts/" + bob, Map.of("role", "sales_rep")).expect(200);
        role = s.admin.get("/api/admin/contacts/" + bob + "/role").expect(200).json();
        assertThat(role.at("/role/key").asText()).isEqualTo("sales_rep");
        assertThat(role.get("assigned").asBoolean()).isTrue();

        s.admin.patch("/api/admin/contacts/" + bob, Map.of("role", "admin")).expect(200);
        assertThat(directory.effectiveRole(bob).key()).isEqualTo("admin");
        s.admin.patch("/api/admin/contacts/" + bob, "{\"role\": null}").expect(200);
        role = s.admin.get("/api/admin/contacts/" + bob + "/role").expect(200).json();
        assertThat(role.get("assigned").asBoolean()).isFalse();
        assertThat(role.at("/role/key").asText()).isEqualTo("sales_rep");
        assertThat(directory.effectiveRole(bob).key()).isEqualTo("sales_rep");
    }

    @Test
    void a_deleted_contact_takes_its_assignment_along() {
        String key = "temp_" + s.tag.replaceAll("[^a-z0-9]", "");
        String roleId = s.createRole(key, "Temp " + s.tag);
        String cleo = s.contact(partner, "cleo", Map.of());
        s.assign(cleo, key);
        s.admin.delete("/api/admin/roles/" + roleId).problem(409);
        s.admin.delete("/api/admin/contacts/" + cleo).expect(204);
        s.admin.delete("/api/admin/roles/" + roleId).expect(204);
    }

    @Test
    void unknown_contacts_are_404_and_unknown_roles_422() {
        String dan = s.contact(partner, "dan", Map.of());
        s.admin.put("/api/admin/contacts/00000000-0000-4000-8000-000000000000/role",
                Map.of("roleId", s.roleId("admin"))).problem(404);
        s.admin.get("/api/admin/contacts/00000000-0000-4000-8000-000000000000/role").problem(404);
        s.admin.delete("/api/admin/contacts/nope/role").problem(404);
        JsonNode bad = s.admin.put("/api/admin/contacts/" + dan + "/role",
                Map.of("roleId", "00000000-0000-4000-8000-000000000000")).problem(422);
        assertThat(bad.at("/errors/0/pointer").asText()).isEqualTo("/roleId");
        s.admin.put("/api/admin/contacts/" + dan + "/role", Map.of("role", "admin")).problem(422);
        assertThat(s.roleOf(dan)).isEqualTo("sales_rep");
    }

    @Test
    void the_crm_sync_assigns_through_the_api_by_key() {
        String eve = s.contact(partner, "eve", Map.of());
        assertThat(assignments.assign(eve, "partner_manager", Actor.system("crm-sync")).role().key())
                .isEqualTo("partner_manager");
        assertThat(s.roleOf(eve)).isEqualTo("partner_manager");
        assertThat(directory.permissionsOf(eve).collaborationRestricted()).isFalse();
        assertThat(assignments.revertToDefault(eve, Actor.system("crm-sync")).assigned()).isFalse();
        assertThat(s.roleOf(eve)).isEqualTo("sales_rep");
    }

    @Test
    void the_access_explanation_shows_the_effective_role_and_its_permission() {
        String fay = s.contact(partner, "fay", Map.of());
        s.assign(fay, "admin");
        JsonNode access = s.admin.get("/api/admin/contacts/" + fay + "/access").expect(200).json();
        JsonNode items = access.get("items");
        assertThat(items.findValuesAsText("kind")).contains("role", "role_permission");
        for (JsonNode item : items) {
            if (item.get("kind").asText().equals("role")) {
                assertThat(item.get("name").asText()).isEqualTo("Admin");
                assertThat(item.get("reason").asText()).contains("assigned");
            }
        }
    }
}
