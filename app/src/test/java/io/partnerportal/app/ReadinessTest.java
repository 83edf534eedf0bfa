package io.partnerportal.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.common.Readiness;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A load balancer sends no traffic to an instance whose in-memory state is still loading. */
@ScenarioTest
class ReadinessTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    SlowState slowState;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("test.slow-state", "true");
    }

    @Test
    void readiness_is_down_while_any_module_is_loading_and_liveness_stays_up() {
        TestHttp http = new TestHttp(server.getURL());
        TestHttp.Response loading = http.get("/health/readiness");
        assertThat(loading.status()).isEqualTo(503);
        assertThat(loading.body()).contains("DOWN");
        assertThat(http.get("/health/liveness").expect(200).text("/status")).isEqualTo("UP");

        slowState.loaded = true;
        assertThat(http.get("/health/readiness").expect(200).text("/status")).isEqualTo("UP");
    }

    /** Stands for a module whose state takes a while to load (the access index at 1M contacts). */
    @Singleton
    @Requires(property = "test.slow-state", value = "true")
    static class SlowState implements Readiness {
        volatile boolean loaded;

        @Override
        public String name() {
            return "slow test state";
        }

        @Override
        public boolean ready() {
            return loaded;
        }
    }
}
