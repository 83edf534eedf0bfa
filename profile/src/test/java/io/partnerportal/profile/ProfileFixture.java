package io.partnerportal.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerportal.testsupport.SegmentRequests;
import io.partnerportal.testsupport.TestHttp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The profile tests' fixture. */
final class ProfileFixture {

    final TestHttp http;
    final TestHttp admin;

    ProfileFixture(TestHttp http) {
        this.http = http;
        this.admin = http.asAdmin();
    }

    String partner(String name, Map<String, Object> properties) {
        return admin.post("/api/admin/partners", Map.of("name", name, "website", "https://"
                + name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example", "properties", properties))
                .expect(201).text("/id");
    }

    String contact(String partnerId, String email, String role) {
        return admin.post("/api/admin/contacts", Map.of("partnerId", partnerId, "email", email, "role", role))
                .expect(201).text("/id");
    }

    TestHttp as(String contactId) {
        return http.asContact(contactId, admin.get("/api/admin/contacts/" + contactId).expect(200).text("/partnerId"));
    }

    /** Adds a partner property to the catalogue unless it exists. */
    void property(String key, String type, String source, boolean crmWritable) {
        if (admin.get("/api/admin/properties/partner/" + key).status() == 200) {
            return;
        }
        admin.post("/api/admin/properties", Map.of("level", "partner", "key", key, "label", key.substring(0, 1)
                .toUpperCase() + key.substring(1), "type", type, "source", source, "crmWritable", crmWritable))
                .expect(201);
    }

    String segment(String name, String level, Object condition) {
        return SegmentRequests.createDynamic(admin, name, level, condition);
    }

    static Map<String, Object> leaf(String property, String op, Object value) {
        return SegmentRequests.leaf(property, op, value);
    }

    JsonNode settings() {
        return admin.get("/api/admin/profile/settings").expect(200).json();
    }

    TestHttp.Response putSettings(List<Map<String, Object>> properties, Object editAudience) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("properties", properties);
        body.put("editAudience", editAudience);
        body.put("version", settings().get("version").asLong());
        return admin.put("/api/admin/profile/settings", body);
    }

    static Map<String, Object> shown(String key, String mode) {
        return Map.of("key", key, "mode", mode);
    }

    static Map<String, Object> segments(String... ids) {
        return Map.of("type", "segments", "segmentIds", List.of(ids));
    }

    static Map<String, Object> everyone() {
        return Map.of("type", "everyone");
    }

    static JsonNode field(JsonNode profile, String key) {
        for (JsonNode f : profile.get("properties")) {
            if (f.get("key").asText().equals(key)) {
                return f;
            }
        }
        throw new AssertionError("no " + key + " in " + profile);
    }
}
