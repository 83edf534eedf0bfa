package io.partnerportal.segments;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerportal.testsupport.SegmentRequests;
import io.partnerportal.testsupport.TestHttp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives partners, contacts and segments through the admin API, in one line per step. */
final class Scenario {

    final TestHttp admin;

    Scenario(TestHttp http) {
        this.admin = http.asAdmin();
    }

    String partner(String name, Map<String, Object> properties) {
        return admin.post("/api/admin/partners", Map.of("name", name, "website", "https://" + name.toLowerCase()
                .replaceAll("[^a-z0-9]", "") + ".example", "properties", properties)).expect(201).text("/id");
    }

    String contact(String partnerId, String email, Map<String, Object> properties) {
        return admin.post("/api/admin/contacts", Map.of("partnerId", partnerId, "email", email, "firstName",
                email.substring(0, email.indexOf('@')), "lastName", "Test", "properties", properties))
                .expect(201).text("/id");
    }

    void setPartner(String partnerId, Map<String, Object> properties) {
        admin.patch("/api/admin/partners/" + partnerId, Map.of("properties", properties)).expect(200);
    }

    void setContact(String contactId, Map<String, Object> properties) {
        admin.patch("/api/admin/contacts/" + contactId, Map.of("properties", properties)).expect(200);
    }

    void moveContact(String contactId, String partnerId) {
        admin.patch("/api/admin/contacts/" + contactId, Map.of("partnerId", partnerId)).expect(200);
    }

    String segment(String name, String level, Object condition) {
        return SegmentRequests.createDynamic(admin, name, level, condition);
    }

    String staticSegment(String name, String level) {
        return admin.post("/api/admin/segments", Map.of("name", name, "level", level, "kind", "static"))
                .expect(201).text("/id");
    }

    /** Polls an import job until it ends (imports run in the background). */
    static JsonNode awaitJob(TestHttp admin, String path) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = admin.get(path).expect(200).json();
            if (List.of("completed", "failed").contains(job.get("status").asText())) {
                return job;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
        throw new AssertionError("the job " + path + " did not end within 3 minutes");
    }

    JsonNode get(String segmentId) {
        return admin.get("/api/admin/segments/" + segmentId).expect(200).json();
    }

    /** Member ids of a segment (first 500). */
    List<String> members(String segmentId) {
        JsonNode page = admin.get("/api/admin/segments/" + segmentId + "/members?size=500").expect(200).json();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    /**
     * The in-memory index agrees with the persisted rows and with fresh evaluations of a sample of
     * contacts, and a full recomputation from scratch finds nothing to fix: the real-time
     * maintenance was exact. The index is checked before the recomputation too, as real-time
     * maintenance left it.
     */
    void assertConsistent() {
        assertIndexConsistent(admin);
        JsonNode report = admin.post("/api/admin/segments/recompute", Map.of()).expect(200).json();
        assertThat(report.get("joined").asLong()).as("members missing after real-time maintenance: %s", report)
                .isZero();
        assertThat(report.get("left").asLong()).as("members wrongly kept by real-time maintenance: %s", report)
                .isZero();
        assertThat(report.get("directoryFixes").asLong()).as("directory copy out of step: %s", report).isZero();
        assertIndexConsistent(admin);
    }

    /** The index of the instance behind {@code http} agrees with the database and with fresh evaluations. */
    static void assertIndexConsistent(TestHttp http) {
        JsonNode index = http.get("/api/admin/segments/index/verification?sample=200").expect(200).json();
        assertThat(index.get("ready").asBoolean()).as("index loaded: %s", index).isTrue();
        assertThat(index.get("differences").size()).as("in-memory index differs from the database: %s", index).isZero();
        assertThat(index.get("placementDifferences").asLong()).as("index placements: %s", index).isZero();
        assertThat(index.get("evaluationDifferences").size()).as("index differs from fresh evaluations: %s", index)
                .isZero();
    }

    static Map<String, Object> leaf(String property, String op, Object value) {
        return SegmentRequests.leaf(property, op, value);
    }

    static Map<String, Object> inSegment(String segmentId) {
        return Map.of("op", "in_segment", "segment", segmentId);
    }

    static Map<String, Object> all(Object... nodes) {
        return Map.of("all", List.of(nodes));
    }

    static Map<String, Object> any(Object... nodes) {
        return Map.of("any", List.of(nodes));
    }
}
