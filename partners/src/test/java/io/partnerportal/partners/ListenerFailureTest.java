package io.partnerportal.partners;

import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Listeners run inside the transaction of the change: when one fails, the change is not committed. */
@ScenarioTest
class ListenerFailureTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    TestHttp admin;
    Directory directory;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("test.exploding-listener", "true");
    }

    @BeforeAll
    void setUp() {
        admin = new TestHttp(server.getURL()).asAdmin();
        directory = new Directory(new TestHttp(server.getURL()));
    }

    @Test
    void a_failing_listener_rolls_the_new_partner_back() {
        var problem = admin.post("/api/admin/partners", Map.of("name", "Explode Ltd", "crmIds",
                Map.of("demo", "boom-1"))).problem(500);
        // the caller gets a reference for the operator, never the exception, its message or a stack trace
        assertThat(problem.get("detail").asText()).matches("An unexpected error occurred; .* reference [0-9a-f-]{36}\\.");
        assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("derived state").doesNotContain("\\tat ");
        assertThat(admin.get("/api/admin/partners?q=explode").json().get("total").asLong()).isZero();
        // the CRM id was not kept either: a partner may take it now
        admin.post("/api/admin/partners", Map.of("name", "Calm Ltd", "crmIds", Map.of("demo", "boom-1"))).expect(201);
    }

    @Test
    void a_failing_listener_rolls_the_edit_back() {
        String id = directory.partnerId("Steady", Map.of("tier", "gold"));
        admin.patch("/api/admin/partners/" + id, Map.of("name", "Explode now", "properties", Map.of("tier", "silver")))
                .problem(500);
        var partner = admin.get("/api/admin/partners/" + id).json();
        assertThat(partner.get("name").asText()).isEqualTo("Steady");
        assertThat(partner.at("/properties/tier").asText()).isEqualTo("gold");
        assertThat(partner.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void a_failing_listener_rolls_a_contact_back() {
        String partnerId = directory.partnerId("Has a fragile listener");
        admin.post("/api/admin/contacts", Map.of("partnerId", partnerId, "email", "explode@fragile.example"))
                .problem(500);
        assertThat(admin.get("/api/admin/contacts?q=explode@fragile").json().get("total").asLong()).isZero();
    }
}
