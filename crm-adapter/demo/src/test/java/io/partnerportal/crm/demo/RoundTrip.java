package io.partnerportal.crm.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerportal.testsupport.SegmentRequests;
import io.partnerportal.testsupport.TestHttp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The demo CRM tests' fixture: the portal's admin API, the demo CRM's console, and waiting on conditions. */
final class RoundTrip {

    /** Settings every round-trip test context uses: a fast worker, short backoff, no scheduled full pass. */
    static Map<String, String> fastOutbox() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("portal.crm.outbox.poll-interval", "100ms");
        p.put("portal.crm.outbox.backoff-base", "100ms");
        p.put("portal.crm.outbox.backoff-max", "1s");
        p.put("portal.crm.outbox.max-attempts", "3");
        p.put("portal.crm.full-sync.enabled", "false");
        return p;
    }

    final TestHttp http;
    final TestHttp admin;

    RoundTrip(TestHttp http) {
        this.http = http;
        this.admin = http.asAdmin();
    }

    /** A property of the catalogue (added unless it exists). */
    void property(String level, String key, String type, String source, boolean crmWritable) {
        if (admin.get("/api/admin/properties/" + level + "/" + key).status() == 200) {
            return;
        }
        admin.post("/api/admin/properties", Map.of("level", level, "key", key, "label", key, "type", type, "source",
                source, "crmWritable", crmWritable)).expect(201);
    }

    JsonNode crmCompany(String crmId, String name, Map<String, Object> fields) {
        return admin.post("/api/admin/crm/demo/companies", Map.of("crmId", crmId, "name", name, "fields", fields))
                .expect(201).json();
    }

    JsonNode changeCrmCompany(String crmId, Map<String, Object> fields) {
        return admin.patch("/api/admin/crm/demo/companies/" + crmId, Map.of("fields", fields)).expect(200).json();
    }

    JsonNode crmPerson(String crmId, String companyCrmId, String email, Map<String, Object> fields) {
        return admin.post("/api/admin/crm/demo/people", Map.of("crmId", crmId, "companyCrmId", companyCrmId, "email",
                email, "fields", fields)).expect(201).json();
    }

    JsonNode changeCrmPerson(String crmId, Map<String, Object> fields) {
        return admin.patch("/api/admin/crm/demo/people/" + crmId, Map.of("fields", fields)).expect(200).json();
    }

    String partner(String name, String crmId, Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("website", "https://" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example");
        if (crmId != null) {
            body.put("crmIds", Map.of("demo", crmId));
        }
        body.put("properties", properties);
        return admin.post("/api/admin/partners", body).expect(201).text("/id");
    }

    String contact(String partnerId, String email, String role, String crmId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerId", partnerId);
        body.put("email", email);
        body.put("role", role);
        if (crmId != null) {
            body.put("crmIds", Map.of("demo", crmId));
        }
        return admin.post("/api/admin/contacts", body).expect(201).text("/id");
    }

    TestHttp as(String contactId) {
        return http.asContact(contactId, admin.get("/api/admin/contacts/" + contactId).expect(200).text("/partnerId"));
    }

    JsonNode partnerProperties(String partnerId) {
        return admin.get("/api/admin/partners/" + partnerId).expect(200).json().get("properties");
    }

    /** The outbox entries of one partner or contact, oldest first. */
    List<JsonNode> outboxOf(String recordId) {
        List<JsonNode> entries = new ArrayList<>();
        admin.get("/api/admin/crm/outbox?size=500").expect(200).json().get("items").forEach(e -> {
            if (e.get("recordId").asText().equals(recordId)) {
                entries.add(0, e);
            }
        });
        return entries;
    }

    /** The write-backs the demo CRM received for one of its records, oldest first. */
    List<JsonNode> writeBacksTo(String crmId) {
        List<JsonNode> writes = new ArrayList<>();
        admin.get("/api/admin/crm/demo/write-backs?size=500").expect(200).json().get("items").forEach(w -> {
            if (w.get("crmId").asText().equals(crmId)) {
                writes.add(0, w);
            }
        });
        return writes;
    }

    void failNext(int count, String mode) {
        admin.post("/api/admin/crm/demo/faults", Map.of("failNext", count, "mode", mode)).expect(200);
    }

    /** Polls until the condition holds (asynchronous work), failing after the timeout; never a fixed sleep. */
    static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }

    static Map<String, Object> leaf(String property, String op, Object value) {
        return SegmentRequests.leaf(property, op, value);
    }

    String segment(String name, String level, Object condition) {
        return SegmentRequests.createDynamic(admin, name, level, condition);
    }
}
