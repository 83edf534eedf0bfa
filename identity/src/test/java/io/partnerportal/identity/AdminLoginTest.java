package io.partnerportal.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import io.partnerportal.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ScenarioTest
class AdminLoginTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    TestHttp http() {
        return new TestHttp(server.getURL());
    }

    @Test
    void the_first_admin_logs_in_and_the_token_opens_the_admin_api() {
        JsonNode token = http().post("/api/auth/admin/login",
                Map.of("username", "admin", "password", TestTokens.ADMIN_PASSWORD)).expect(200).json();

        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asInt()).isEqualTo(900);
        JsonNode me = http().as(token.get("access_token").asText()).get("/api/admin/me").expect(200).json();
        assertThat(me.get("username").asText()).isEqualTo("admin");
    }

    @Test
    void usernames_are_case_insensitive() {
        http().post("/api/auth/admin/login", Map.of("username", "ADMIN", "password", TestTokens.ADMIN_PASSWORD))
                .expect(200);
    }

    @Test
    void a_wrong_password_is_refused_with_401() {
        JsonNode problem = http().post("/api/auth/admin/login", Map.of("username", "admin", "password", "wrong-one"))
                .problem(401);
        assertThat(problem.get("detail").asText()).isEqualTo("Wrong username or password.");
    }

    @Test
    void an_unknown_admin_gets_the_same_answer_as_a_wrong_password() {
        JsonNode problem = http().post("/api/auth/admin/login", Map.of("username", "nobody", "password", "whatever-1"))
                .problem(401);
        assertThat(problem.get("detail").asText()).isEqualTo("Wrong username or password.");
    }

    @Test
    void missing_fields_are_422_with_pointers() {
        JsonNode problem = http().post("/api/auth/admin/login", Map.of("username", "")).problem(422);
        assertThat(problem.get("errors").findValuesAsText("pointer")).containsExactly("/password", "/username");
    }

    @Test
    void unparsable_json_is_400() {
        http().send("POST", "/api/auth/admin/login", "{\"username\": ", "application/json").problem(400);
    }

    @Test
    void the_admin_api_needs_a_token() {
        http().get("/api/admin/me").problem(401);
    }

    @Test
    void a_forged_token_is_refused() {
        String forged = TestTokens.admin().substring(0, TestTokens.admin().lastIndexOf('.')) + ".c2lnbmF0dXJl";
        http().as(forged).get("/api/admin/me").problem(401);
    }

    @Test
    void a_contact_token_cannot_call_the_admin_api() {
        http().asContact("7d3c2f7e-1111-4e0e-9b1a-000000000001", "7d3c2f7e-2222-4e0e-9b1a-000000000002")
                .get("/api/admin/me").problem(403);
    }

    @Test
    void an_admin_token_cannot_call_the_portal_api() {
        http().asAdmin().get("/api/portal/me").problem(403);
    }
}
