package io.partnerportal.segments;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.segments.api.SegmentAccess;
import io.partnerportal.segments.application.IndexFollower;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.partnerportal.segments.Scenario.leaf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database: a change made through one reaches the other's in-memory access
 * checks through the journal and LISTEN/NOTIFY. Prints the lag (docs/benchmarks.md reports it).
 */
@ScenarioTest
class TwoInstancesTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext first;

    ApplicationContext second;

    @BeforeAll
    void startSecondInstance() {
        Map<String, Object> properties = new HashMap<>(getPropertiesOnce());
        properties.put("micronaut.server.port", -1);
        second = ApplicationContext.builder().properties(properties).environments("test").start();
        waitUntil(() -> second.getBean(IndexFollower.class).ready(), 30_000);
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    /** The first instance's settings (same database, same secret) for the second. */
    private Map<String, Object> getPropertiesOnce() {
        Map<String, Object> p = new HashMap<>();
        for (String key : List.of("datasources.default.url", "datasources.default.username",
                "datasources.default.password", "datasources.default.driver-class-name", "portal.jwt.secret",
                "liquibase.enabled", "portal.passwords.cost", "portal.demo-data.enabled",
                "micronaut.serde.serialization.inclusion", "portal.admin.password")) {
            first.getProperty(key, String.class).ifPresent(v -> p.put(key, v));
        }
        return p;
    }

    @Test
    void a_change_through_one_instance_reaches_the_other_instances_access_checks() {
        Scenario s = new Scenario(new TestHttp(server.getURL()));
        String partner = s.partner("Twin", Map.of("tier", "silver"));
        String contact = s.contact(partner, "twin@twin.example", Map.of());
        String gold = s.segment("Twin gold", "partner", leaf("partner.tier", "in", List.of("gold")));
        SegmentAccess remote = second.getBean(SegmentAccess.class);
        waitUntil(() -> second.getBean(IndexFollower.class).applied() >= first.getBean(IndexFollower.class).applied(),
                5_000);

        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean toGold = i % 2 == 0;
            s.setPartner(partner, Map.of("tier", toGold ? "gold" : "silver"));
            long committed = System.nanoTime();
            waitUntil(() -> remote.isMember(gold, partner) == toGold, 5_000);
            lags.add((System.nanoTime() - committed) / 1_000);
            assertThat(remote.isAdmitted(contact, io.partnerportal.segments.api.Audience.segments(gold)))
                    .isEqualTo(toGold);
        }
        lags.sort(null);
        System.out.printf("Cross-instance lag over %d changes: p50 %d µs, p99 %d µs, max %d µs%n", lags.size(),
                lags.get(lags.size() / 2), lags.get((int) Math.ceil(lags.size() * 0.99) - 1), lags.get(lags.size() - 1));
        s.assertConsistent();
    }

    @Test
    void both_instances_value_stores_hold_a_change_as_soon_as_their_indexes_do() {
        Scenario s = new Scenario(new TestHttp(server.getURL()));
        String partner = s.partner("Valued", Map.of("tier", "bronze"));
        String contact = s.contact(partner, "valued@valued.example", Map.of("certified", false));
        s.setContact(contact, Map.of("certified", true, "language", "nl"));
        s.setPartner(partner, Map.of("tier", "gold"));
        // this instance applied its own commit before answering
        assertValues(first, partner, contact);
        // the other follows the journal
        waitUntil(() -> second.getBean(IndexFollower.class).applied() >= first.getBean(IndexFollower.class).applied(),
                5_000);
        assertValues(second, partner, contact);
    }

    private static void assertValues(ApplicationContext instance, String partner, String contact) {
        io.partnerportal.segments.application.ValueStore.View view = instance
                .getBean(io.partnerportal.segments.application.ValueStore.class).view();
        int c = view.contactOrd(contact);
        assertThat(view.contact(c).value("certified")).isEqualTo(true);
        assertThat(view.contact(c).value("language")).isEqualTo("nl");
        assertThat(view.partner(view.partnerOf(c)).value("tier")).isEqualTo("gold");
        assertThat(view.partnerId(view.partnerOf(c)).toString()).isEqualTo(partner);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within " + timeoutMillis + " ms");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
