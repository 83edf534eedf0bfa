package io.partnerportal.segments;

import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.partnerportal.segments.Scenario.leaf;
import static org.assertj.core.api.Assertions.assertThat;

/** Team invites (partners) follow the three-valued segment permission inviteTeamMembers. */
@ScenarioTest
class TeamInvitePermissionTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    TestHttp http;
    Scenario s;

    @BeforeAll
    void setUp() {
        http = new TestHttp(server.getURL());
        s = new Scenario(http);
    }

    @Test
    void invites_are_allowed_by_default_refused_by_a_denying_segment_and_allowed_again_by_a_granting_one() {
        String partner = s.partner("Invitebronze", Map.of("tier", "bronze"));
        String contact = s.contact(partner, "lead@invitebronze.example", Map.of());
        TestHttp member = http.asContact(contact, partner);
        member.post("/api/portal/team/invites", Map.of("email", "a@invitebronze.example")).expect(201);

        permissionSegment("Invite bronze deny", "partner", leaf("partner.tier", "in", List.of("bronze")), false);
        String detail = member.post("/api/portal/team/invites", Map.of("email", "b@invitebronze.example"))
                .problem(403).get("detail").asText();
        assertThat(detail).contains("not allowed to invite");
        assertThat(s.admin.get("/api/admin/contacts?q=b@invitebronze.example").json().get("total").asLong()).isZero();

        s.setContact(contact, Map.of("certified", true));
        permissionSegment("Invite certified grant", "contact", leaf("contact.certified", "is_true", null), true);
        member.post("/api/portal/team/invites", Map.of("email", "b@invitebronze.example")).expect(201);
    }

    private void permissionSegment(String name, String level, Object condition, boolean invite) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("level", level);
        body.put("kind", "dynamic");
        body.put("condition", condition);
        body.put("permissions", Map.of("inviteTeamMembers", invite));
        s.admin.post("/api/admin/segments", body).expect(201);
    }
}
