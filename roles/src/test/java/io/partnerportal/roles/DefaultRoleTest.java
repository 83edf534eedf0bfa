package io.partnerportal.roles;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.roles.api.RoleDirectory;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Choosing another default role re-points every contact without an assignment, in one request. */
@ScenarioTest
class DefaultRoleTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    RoleDirectory directory;

    RolesScenario s;

    @BeforeEach
    void scenario() {
        s = new RolesScenario(new TestHttp(server.getURL()));
    }

    @AfterEach
    void salesRepIsTheDefaultAgain() {
        s.admin.put("/api/admin/roles/default", Map.of("roleId", s.roleId("sales_rep"))).expect(200);
    }

    @Test
    void contacts_without_an_assignment_follow_the_default_and_role_segments_follow_them() {
        String partner = s.partner("Defaults");
        String plain = s.contact(partner, "plain", Map.of());
        String keepsRep = s.contact(partner, "keeps-rep", Map.of());
        String admin = s.contact(partner, "admin", Map.of());
        s.assign(keepsRep, "sales_rep");
        s.assign(admin, "admin");
        String reps = s.roleSegment("Reps", "sales_rep");
        String marketers = s.roleSegment("Marketers", "marketing");
        assertThat(s.members(reps)).containsExactlyInAnyOrder(plain, keepsRep);
        assertThat(directory.effectiveRole(plain).key()).isEqualTo("sales_rep");

        JsonNode change = s.admin.put("/api/admin/roles/default", Map.of("roleId", s.roleId("marketing")))
                .expect(200).json();
        assertThat(change.at("/defaultRole/key").asText()).isEqualTo("marketing");
        assertThat(change.at("/previousDefault/key").asText()).isEqualTo("sales_rep");
        assertThat(change.get("contactsRepointed").asInt()).isPositive();

        assertThat(s.roleOf(plain)).isEqualTo("marketing");
        assertThat(s.roleOf(keepsRep)).as("explicitly assigned the old default").isEqualTo("sales_rep");
        assertThat(s.roleOf(admin)).isEqualTo("admin");
        assertThat(s.members(marketers)).containsExactly(plain);
        assertThat(s.members(reps)).containsExactly(keepsRep);
        assertThat(directory.effectiveRole(plain).key()).as("the cached role was dropped").isEqualTo("marketing");
        assertThat(directory.defaultRole().key()).isEqualTo("marketing");
        s.assertMembershipConsistent();

        // a new contact gets the new default; so does one given back the default
        String newcomer = s.contact(partner, "newcomer", Map.of());
        assertThat(s.roleOf(newcomer)).isEqualTo("marketing");
        assertThat(s.members(marketers)).containsExactlyInAnyOrder(plain, newcomer);
        s.admin.delete("/api/admin/contacts/" + admin + "/role").expect(200);
        assertThat(s.roleOf(admin)).isEqualTo("marketing");
        s.assertMembershipConsistent();

        JsonNode roles = s.roles();
        for (JsonNode r : roles.get("items")) {
            assertThat(r.get("isDefault").asBoolean()).isEqualTo(r.get("key").asText().equals("marketing"));
        }
        JsonNode audit = s.audit("role");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("made_default");
        assertThat(audit.get(0).at("/before/defaultRole/key").asText()).isEqualTo("sales_rep");
        assertThat(audit.get(0).at("/after/defaultRole/key").asText()).isEqualTo("marketing");
    }

    @Test
    void choosing_an_unknown_role_is_a_422_and_choosing_the_current_default_changes_nothing() {
        JsonNode bad = s.admin.put("/api/admin/roles/default", Map.of("roleId", "00000000-0000-4000-8000-000000000000"))
                .problem(422);
        assertThat(bad.at("/errors/0/pointer").asText()).isEqualTo("/roleId");
        s.admin.put("/api/admin/roles/default", Map.of()).problem(422);
        JsonNode same = s.admin.put("/api/admin/roles/default", Map.of("roleId", s.roleId("sales_rep"))).expect(200)
                .json();
        assertThat(same.get("contactsRepointed").asInt()).isZero();
    }
}
