package io.partnerportal.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.PostgresServer;
import io.partnerportal.testsupport.TestDatabases;
import io.partnerportal.testsupport.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo is loaded once per database: two instances starting at once on an empty database load it once
 * between them, and a later start (the demo already there) adds nothing.
 */
class DemoDataStartsTest {

    private final List<EmbeddedServer> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.stream().filter(EmbeddedServer::isRunning).forEach(s -> s.getApplicationContext().close());
    }

    @Test
    void two_instances_starting_at_once_load_the_demo_once_and_a_restart_adds_nothing() throws Exception {
        Map<String, Object> settings = settings(TestDatabases.fresh("DemoDataStarts"));

        CompletableFuture<EmbeddedServer> first = CompletableFuture.supplyAsync(() -> start(settings));
        CompletableFuture<EmbeddedServer> second = CompletableFuture.supplyAsync(() -> start(settings));
        EmbeddedServer firstInstance = first.get(120, TimeUnit.SECONDS);
        TestHttp one = admin(firstInstance);
        TestHttp two = admin(second.get(120, TimeUnit.SECONDS));

        Map<String, Long> loaded = counts(one);
        assertThat(loaded).containsEntry("partners", 10L).containsEntry("segments", 8L).containsEntry("forms", 1L)
                .containsEntry("products", 3L).containsEntry("tabs", 6L);
        assertThat(counts(two)).isEqualTo(loaded);

        // a restart on the same database: the demo is there already, nothing is added twice
        firstInstance.getApplicationContext().close();
        TestHttp restarted = admin(start(settings));
        assertThat(counts(restarted)).isEqualTo(loaded);
        assertThat(counts(two)).isEqualTo(loaded);
    }

    /** What the demo adds, counted through the admin API (the audit log counts every configuration change). */
    private static Map<String, Long> counts(TestHttp admin) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("partners", total(admin, "/api/admin/partners"));
        counts.put("contacts", total(admin, "/api/admin/contacts"));
        counts.put("segments", total(admin, "/api/admin/segments"));
        counts.put("forms", total(admin, "/api/admin/forms"));
        counts.put("products", total(admin, "/api/admin/quotes/products"));
        counts.put("audit", total(admin, "/api/admin/audit"));
        counts.put("crm companies", total(admin, "/api/admin/crm/demo/companies"));
        JsonNode experiences = admin.get("/api/admin/experiences").expect(200).json().get("items");
        counts.put("experiences", (long) experiences.size());
        long tabs = 0;
        for (JsonNode e : experiences) {
            tabs += admin.get("/api/admin/experiences/" + e.get("id").asText() + "/tabs").expect(200).json().size();
        }
        counts.put("tabs", tabs);
        JsonNode quoteSettings = admin.get("/api/admin/quotes/settings").expect(200).json();
        counts.put("quote settings version", quoteSettings.get("version").asLong());
        counts.put("profile settings version", admin.get("/api/admin/profile/settings").expect(200).json()
                .get("version").asLong());
        return counts;
    }

    private static long total(TestHttp admin, String path) {
        return admin.get(path).expect(200).json().get("total").asLong();
    }

    private EmbeddedServer start(Map<String, Object> settings) {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings, "test");
        synchronized (instances) {
            instances.add(server);
        }
        return server;
    }

    private static TestHttp admin(EmbeddedServer server) {
        return new TestHttp(server.getURL()).asAdmin();
    }

    private static Map<String, Object> settings(String databaseUrl) {
        Map<String, Object> settings = new HashMap<>(PortalTest.testSettings());
        PostgresServer postgres = PostgresServer.get();
        settings.put("datasources.default.url", databaseUrl);
        settings.put("datasources.default.username", postgres.username());
        settings.put("datasources.default.password", postgres.password());
        settings.put("micronaut.server.port", -1);
        settings.put("portal.demo-data.enabled", "true");
        return settings;
    }
}
