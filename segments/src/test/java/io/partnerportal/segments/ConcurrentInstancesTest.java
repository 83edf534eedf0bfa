package io.partnerportal.segments;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.segments.application.IndexFollower;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.partnerportal.segments.Scenario.all;
import static io.partnerportal.segments.Scenario.any;
import static io.partnerportal.segments.Scenario.inSegment;
import static io.partnerportal.segments.Scenario.leaf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database, both taking writes at the same time: property changes of partners
 * and contacts, contact moves, creations and deletions, and segment edits, at random. Maintenance
 * reads what it did not change itself from its instance's memory (caught up under the partner locks),
 * so this is where a stale read would show. Afterwards each instance's index agrees with the
 * database and with fresh evaluations, and a recomputation from scratch finds nothing to fix.
 */
@ScenarioTest
class ConcurrentInstancesTest implements PortalTest {

    private static final List<String> TIERS = List.of("gold", "silver", "bronze", "platinum");

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext first;

    ApplicationContext second;
    TestHttp secondHttp;

    @BeforeAll
    void startSecondInstance() {
        Map<String, Object> properties = new HashMap<>(PortalTest.testSettings());
        for (String key : List.of("datasources.default.url", "datasources.default.username",
                "datasources.default.password")) {
            first.getProperty(key, String.class).ifPresent(v -> properties.put(key, v));
        }
        properties.put("micronaut.server.port", -1);
        second = ApplicationContext.builder().properties(properties).environments("test").start();
        EmbeddedServer secondServer = second.getBean(EmbeddedServer.class);
        secondServer.start();
        secondHttp = new TestHttp(secondServer.getURL());
        long deadline = System.currentTimeMillis() + 30_000;
        while (!second.getBean(IndexFollower.class).ready()) {
            assertThat(System.currentTimeMillis()).as("second instance ready").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void writes_through_two_instances_at_once_leave_both_indexes_and_the_database_exact() throws Exception {
        Scenario a = new Scenario(new TestHttp(server.getURL()));
        Scenario b = new Scenario(secondHttp);
        List<String> partners = Collections.synchronizedList(new ArrayList<>());
        List<String> contacts = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 5; i++) {
            String p = a.partner("Twin busy " + i, Map.of("tier", TIERS.get(i % 4)));
            partners.add(p);
            for (int j = 0; j < 4; j++) {
                contacts.add(a.contact(p, "twin" + i + "-" + j + "@x.example", Map.of("certified", j % 2 == 0)));
            }
        }
        String gold = a.segment("Twin gold", "partner", leaf("partner.tier", "in", List.of("gold", "platinum")));
        String certified = a.segment("Twin certified", "contact", leaf("contact.certified", "is_true", null));
        String certifiedAtGold = a.segment("Twin certified at gold", "contact", all(inSegment(gold),
                inSegment(certified)));
        a.segment("Twin any certified at gold", "partner", Map.of("op", "any_contact", "where",
                inSegment(certifiedAtGold)));
        a.segment("Twin all certified", "partner", Map.of("op", "all_contacts", "where",
                leaf("contact.certified", "is_true", null)));
        a.segment("Twin silver or uncertified", "contact", any(leaf("partner.tier", "in", List.of("silver")),
                Map.of("not", inSegment(certified))));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            Scenario s = t % 2 == 0 ? a : b;
            work.add(pool.submit(() -> {
                Random random = new Random(100 + thread);
                for (int i = 0; i < 30; i++) {
                    int action = random.nextInt(20);
                    String partner = partners.get(random.nextInt(partners.size()));
                    if (action < 7) {
                        s.setPartner(partner, Map.of("tier", TIERS.get(random.nextInt(4))));
                    } else if (action < 14) {
                        // another thread may have deleted the contact meanwhile: 404 then
                        assertThat(s.admin.patch("/api/admin/contacts/" + contacts.get(random.nextInt(contacts.size())),
                                Map.of("properties", Map.of("certified", random.nextBoolean()))).status()).isIn(200, 404);
                    } else if (action < 16) {
                        assertThat(s.admin.patch("/api/admin/contacts/" + contacts.get(random.nextInt(contacts.size())),
                                Map.of("partnerId", partner)).status()).isIn(200, 404);
                    } else if (action < 18) {
                        contacts.add(s.contact(partner, "new" + thread + "-" + i + "@x.example",
                                Map.of("certified", random.nextBoolean())));
                    } else if (action < 19) {
                        String victim = contacts.remove(random.nextInt(contacts.size()));
                        assertThat(s.admin.delete("/api/admin/contacts/" + victim).status()).isIn(200, 204, 404);
                    } else {
                        long version = s.get(gold).get("version").asLong();
                        int status = s.admin.put("/api/admin/segments/" + gold, Map.of("name", "Twin gold",
                                "version", version, "condition", leaf("partner.tier", "in",
                                        List.of(TIERS.get(random.nextInt(4)))))).status();
                        assertThat(status).as("edit of the segment (stale versions may race)").isIn(200, 412);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        // both instances first, as real-time maintenance left them (verification catches up with the journal)
        Scenario.assertIndexConsistent(a.admin);
        Scenario.assertIndexConsistent(b.admin);
        a.assertConsistent();
        Scenario.assertIndexConsistent(b.admin);
    }
}
