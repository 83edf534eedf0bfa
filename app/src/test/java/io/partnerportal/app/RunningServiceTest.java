package io.partnerportal.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import io.partnerportal.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The assembled service: health, API description, error shape, request ids, security defaults. */
@ScenarioTest
class RunningServiceTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    TestHttp http() {
        return new TestHttp(server.getURL());
    }

    @Test
    void health_and_readiness_are_public_and_up() {
        assertThat(http().get("/health").expect(200).text("/status")).isEqualTo("UP");
        assertThat(http().get("/health/readiness").expect(200).text("/status")).isEqualTo("UP");
        assertThat(http().get("/health/liveness").expect(200).text("/status")).isEqualTo("UP");
    }

    @Test
    void health_details_are_not_shown_to_anonymous_callers() {
        assertThat(http().get("/health").expect(200).json().path("details").isNull()).isTrue();
    }

    @Test
    void the_openapi_description_is_served_with_every_module_merged_in() {
        TestHttp.Response spec = http().get("/openapi").expect(200);
        assertThat(spec.header("Content-Type")).startsWith("application/yaml");
        assertThat(spec.body()).contains("openapi: 3.").contains("/api/auth/admin/login").contains("/api/admin/me");
        assertThat(http().get("/swagger/partner-portal.yml").expect(200).body()).isEqualTo(spec.body());
        assertThat(http().get("/swagger-ui/index.html").expect(200).body()).contains("swagger-ui");
    }

    @Test
    void an_unknown_route_is_a_problem_404_for_an_admin() {
        JsonNode problem = http().asAdmin().get("/api/admin/no-such-thing").problem(404);
        assertThat(problem.get("type").asText()).endsWith("/not-found");
    }

    @Test
    void paths_outside_the_api_are_denied_by_default() {
        http().get("/internal/secrets").problem(401);
    }

    @Test
    void a_wrong_method_is_a_problem_405() {
        http().get("/api/auth/admin/login").problem(405);
    }

    @Test
    void every_answer_carries_a_request_id_and_echoes_a_sane_one() {
        assertThat(http().get("/health").header("X-Request-Id")).isNotBlank();
        assertThat(http().with("X-Request-Id", "trace-123").get("/health").header("X-Request-Id"))
                .isEqualTo("trace-123");
        assertThat(http().with("X-Request-Id", "bad id <script>").get("/health").header("X-Request-Id"))
                .isNotEqualTo("bad id <script>");
    }

    @Test
    void log_lines_written_while_handling_a_request_carry_its_id() {
        Logger logger = (Logger) LoggerFactory.getLogger("io.partnerportal.identity.application.AdminLoginService");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            http().with("X-Request-Id", "trace-login-1")
                    .post("/api/auth/admin/login", Map.of("username", "admin", "password", "wrong password"))
                    .problem(401);
            http().post("/api/auth/admin/login", Map.of("username", "admin", "password", "wrong again")).problem(401);
        } finally {
            logger.detachAppender(captured);
        }
        assertThat(captured.list).hasSize(2);
        // written on the blocking pool (password hashing never runs on the event loop), not on the
        // event loop thread that ran the filter: the id travels with the request, not the thread
        assertThat(captured.list.get(0).getThreadName()).doesNotContainIgnoringCase("eventloop");
        assertThat(captured.list.get(0).getMDCPropertyMap()).containsEntry("requestId", "trace-login-1");
        assertThat(captured.list.get(1).getMDCPropertyMap().get("requestId")).isNotBlank().isNotEqualTo("trace-login-1");
    }

    @Test
    void the_admin_login_works_in_the_assembled_service() {
        String token = http().post("/api/auth/admin/login",
                Map.of("username", "admin", "password", TestTokens.ADMIN_PASSWORD)).expect(200).text("/access_token");
        http().as(token).get("/api/admin/me").expect(200);
    }
}
