package io.partnerportal.roles;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerportal.testsupport.TestHttp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Drives partners, contacts, segments and roles through the admin API, one line per step. */
final class RolesScenario {

    final TestHttp admin;
    final String tag = UUID.randomUUID().toString().substring(0, 8);

    RolesScenario(TestHttp http) {
        this.admin = http.asAdmin();
    }

    String partner(String name) {
        return admin.post("/api/admin/partners", Map.of("name", name + " " + tag)).expect(201).text("/id");
    }

    String contact(String partnerId, String name, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("partnerId", partnerId);
        body.put("email", name + "-" + tag + "@" + tag + ".example");
        return admin.post("/api/admin/contacts", body).expect(201).text("/id");
    }

    JsonNode contactJson(String contactId) {
        return admin.get("/api/admin/contacts/" + contactId).expect(200).json();
    }

    String roleOf(String contactId) {
        return contactJson(contactId).get("role").asText();
    }

    JsonNode roles() {
        return admin.get("/api/admin/roles").expect(200).json();
    }

    String roleId(String key) {
        for (JsonNode r : roles().get("items")) {
            if (r.get("key").asText().equals(key)) {
                return r.get("id").asText();
            }
        }
        throw new AssertionError("no role " + key);
    }

    String createRole(String key, String name) {
        return admin.post("/api/admin/roles", Map.of("key", key, "name", name)).expect(201).text("/id");
    }

    JsonNode assign(String contactId, String roleKey) {
        return admin.put("/api/admin/contacts/" + contactId + "/role", Map.of("roleId", roleId(roleKey)))
                .expect(200).json();
    }

    /** A contact-level segment of this test's contacts with the given roles. */
    String roleSegment(String name, String... roleKeys) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name + " " + tag);
        body.put("level", "contact");
        body.put("kind", "dynamic");
        body.put("condition", Map.of("all", List.of(
                Map.of("property", "partner.name", "op", "contains", "value", tag),
                Map.of("property", "contact.role", "op", "in", "values", List.of(roleKeys)))));
        return admin.post("/api/admin/segments", body).expect(201).text("/id");
    }

    List<String> members(String segmentId) {
        JsonNode page = admin.get("/api/admin/segments/" + segmentId + "/members?size=500").expect(200).json();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    /** Latest audit entries of a kind of entity. */
    JsonNode audit(String entityType) {
        return admin.get("/api/admin/audit?entityType=" + entityType).expect(200).json().get("items");
    }

    /** Real-time maintenance left exactly what a from-scratch computation gives, in the database and in memory. */
    void assertMembershipConsistent() {
        JsonNode report = admin.post("/api/admin/segments/recompute", java.util.Map.of()).expect(200).json();
        org.assertj.core.api.Assertions.assertThat(report.get("joined").asLong() + report.get("left").asLong())
                .as("recompute found differences: %s", report).isZero();
        JsonNode index = admin.get("/api/admin/segments/index/verification").expect(200).json();
        org.assertj.core.api.Assertions.assertThat(index.get("differences").size()).as("%s", index).isZero();
    }
}
