package io.partnerportal.crm.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several workers (as on several instances) drain the outbox at once, each through its own requests to
 * "deliver now": every entry is claimed by one of them ({@code FOR UPDATE SKIP LOCKED}) and reaches the
 * CRM exactly once, the changes of one field in order.
 */
@ScenarioTest
class OutboxConcurrencyTest implements PortalTest {

    static final int PARTNERS = 30;
    static final int WORKERS = 4;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>(RoundTrip.fastOutbox());
        // this test drives the workers itself
        p.put("portal.crm.outbox.worker-enabled", "false");
        p.put("portal.crm.outbox.batch-size", "3");
        return p;
    }

    @Test
    void concurrent_workers_deliver_every_entry_exactly_once_and_in_order_per_field() throws Exception {
        RoundTrip t = new RoundTrip(new TestHttp(server.getURL()));
        t.property("partner", "industry", "string", "crm", true);
        List<String> partners = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            t.crmCompany("crm-c" + i, "Company " + i, Map.of());
            String partner = t.partner("Company " + i, "crm-c" + i, Map.of());
            partners.add(partner);
            t.admin.patch("/api/admin/partners/" + partner, Map.of("properties", Map.of("industry", "first"))).expect(200);
            t.admin.patch("/api/admin/partners/" + partner, Map.of("properties", Map.of("industry", "second")))
                    .expect(200);
        }
        assertThat(t.admin.get("/api/admin/crm/outbox?status=pending").json().get("total").asLong())
                .isEqualTo(2L * PARTNERS);

        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                workers.add(() -> {
                    int attempted = 0;
                    int idle = 0;
                    // an entry waits for the earlier change of its field, so keep going until nothing is left
                    while (idle < 50 && t.admin.get("/api/admin/crm/outbox?status=pending&size=1").json()
                            .get("total").asLong() > 0) {
                        int n = t.admin.post("/api/admin/crm/outbox/deliver", Map.of()).expect(200).json()
                                .get("attempted").asInt();
                        attempted += n;
                        idle = n == 0 ? idle + 1 : 0;
                    }
                    return attempted;
                });
            }
            int attempted = 0;
            for (Future<Integer> f : pool.invokeAll(workers)) {
                attempted += f.get();
            }
            assertThat(attempted).as("no entry claimed twice").isEqualTo(2 * PARTNERS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(t.admin.get("/api/admin/crm/outbox?status=delivered").json().get("total").asLong())
                .isEqualTo(2L * PARTNERS);
        JsonNode writes = t.admin.get("/api/admin/crm/demo/write-backs?size=500").json();
        assertThat(writes.get("total").asLong()).isEqualTo(2L * PARTNERS);
        Set<String> keys = new HashSet<>();
        writes.get("items").forEach(w -> {
            assertThat(w.get("duplicates").asInt()).isZero();
            keys.add(w.get("idempotencyKey").asText());
        });
        assertThat(keys).hasSize(2 * PARTNERS);
        for (int i = 0; i < PARTNERS; i++) {
            assertThat(t.admin.get("/api/admin/crm/demo/companies/crm-c" + i).json().at("/fields/industry").asText())
                    .as("the later change wins in the CRM too").isEqualTo("second");
        }
    }
}
