package io.partnerportal.experiences;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.experiences.application.PublishedExperiences;
import io.partnerportal.roles.api.RoleDirectory;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.partnerportal.experiences.Portal.everyone;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database: what one publishes, and a role one assigns, reach the other's
 * in-memory copies (LISTEN/NOTIFY), so a contact balanced to the other instance sees them too.
 */
@ScenarioTest
class TwoInstancesTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext first;

    EmbeddedServer secondServer;

    @BeforeAll
    void startSecondInstance() {
        Map<String, Object> properties = new HashMap<>();
        for (String key : List.of("datasources.default.url", "datasources.default.username",
                "datasources.default.password", "datasources.default.driver-class-name", "portal.jwt.secret",
                "liquibase.enabled", "portal.passwords.cost", "portal.demo-data.enabled",
                "micronaut.serde.serialization.inclusion", "portal.admin.password", "portal.admin.username")) {
            first.getProperty(key, String.class).ifPresent(v -> properties.put(key, v));
        }
        properties.put("micronaut.server.port", -1);
        secondServer = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        waitUntil(() -> secondServer.getApplicationContext().getBean(PublishedExperiences.class).ready(), 30_000);
    }

    @AfterAll
    void stopSecondInstance() {
        if (secondServer != null) {
            secondServer.close();
        }
    }

    @Test
    void a_publication_and_a_role_assignment_reach_the_other_instance() {
        Portal one = new Portal(new TestHttp(server.getURL()));
        Portal two = new Portal(new TestHttp(secondServer.getURL()));
        String acme = one.partner("Twins", Map.of());
        String ann = one.contact(acme, "ann");
        String experience = one.defaultExperience();
        one.tab(experience, "Twin news", everyone());
        one.tab(experience, "Admins only", everyone(), List.of("admin"), List.of(Portal.text("x")));
        assertThat(titles(two, ann, acme, one.tag)).isEmpty(); // the role is cached on the second instance now

        one.publish(experience);
        long published = System.nanoTime();
        waitUntil(() -> titles(two, ann, acme, one.tag).contains("Twin news"), 5_000);
        System.out.printf("Publication reached the other instance after %d ms%n",
                (System.nanoTime() - published) / 1_000_000);

        one.assignRole(ann, "admin");
        RoleDirectory remoteRoles = secondServer.getApplicationContext().getBean(RoleDirectory.class);
        waitUntil(() -> remoteRoles.effectiveRoleInMemory(ann).map(r -> r.key().equals("admin")).orElse(true), 5_000);
        assertThat(titles(two, ann, acme, one.tag)).containsExactly("Twin news", "Admins only");
    }

    private static List<String> titles(Portal portal, String contactId, String partnerId, String tag) {
        List<String> titles = new java.util.ArrayList<>();
        portal.experienceOf(contactId, partnerId).get("tabs").forEach(t -> {
            if (t.get("slug").asText().endsWith(tag)) {
                titles.add(t.get("title").asText());
            }
        });
        return titles;
    }

    private static void waitUntil(BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within " + timeoutMillis + " ms");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
