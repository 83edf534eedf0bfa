package io.partnerportal.experiences;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerportal.testsupport.SegmentRequests;
import io.partnerportal.testsupport.TestHttp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drives the portal like its users do — the admin through the admin API, contacts through the portal
 * API with their own tokens — one line per step. Names carry a tag so tests sharing a database do not
 * see each other's partners in conditions.
 */
final class Portal {

    final TestHttp http;
    final TestHttp admin;
    final String tag = UUID.randomUUID().toString().substring(0, 8);

    Portal(TestHttp http) {
        this.http = http;
        this.admin = http.asAdmin();
    }

    // --- directory, segments, roles ---

    String partner(String name, Map<String, Object> properties) {
        return admin.post("/api/admin/partners", Map.of("name", name + " " + tag, "properties", properties))
                .expect(201).text("/id");
    }

    String contact(String partnerId, String name) {
        return contact(partnerId, name, Map.of());
    }

    String contact(String partnerId, String name, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("partnerId", partnerId);
        body.put("email", name + "-" + tag + "@" + tag + ".example");
        body.put("firstName", name);
        return admin.post("/api/admin/contacts", body).expect(201).text("/id");
    }

    /** A partner-level segment of this test's partners matching a condition. */
    String partnerSegment(String name, Object condition) {
        return segment(name, "partner", condition);
    }

    String segment(String name, String level, Object condition) {
        return SegmentRequests.createDynamic(admin, name + " " + tag, level,
                Map.of("all", List.of(leaf("partner.name", "contains", tag), condition)));
    }

    static Map<String, Object> leaf(String property, String op, Object value) {
        return SegmentRequests.leaf(property, op, value);
    }

    void assignRole(String contactId, String roleKey) {
        admin.put("/api/admin/contacts/" + contactId + "/role", Map.of("roleKey", roleKey)).expect(200);
    }

    // --- experiences ---

    String defaultExperience() {
        for (JsonNode e : admin.get("/api/admin/experiences").expect(200).json().get("items")) {
            if (e.get("isDefault").asBoolean()) {
                return e.get("id").asText();
            }
        }
        throw new AssertionError("no default experience");
    }

    String experience(String name, int priority, Map<String, Object> audience) {
        return admin.post("/api/admin/experiences", Map.of("name", name + " " + tag, "priority", priority,
                "audience", audience)).expect(201).text("/id");
    }

    /** Adds a tab (slug made unique with the tag) and answers its id. */
    String tab(String experienceId, String title, Map<String, Object> audience, List<String> roles,
               List<Map<String, Object>> sections) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("slug", slug(title));
        body.put("icon", "star");
        body.put("sections", sections);
        body.put("visibility", Map.of("audience", audience, "roles", roles));
        return admin.post("/api/admin/experiences/" + experienceId + "/tabs", body).expect(201).text("/id");
    }

    String tab(String experienceId, String title, Map<String, Object> audience) {
        return tab(experienceId, title, audience, List.of(), List.of(text(title + " content")));
    }

    String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + tag;
    }

    JsonNode publish(String experienceId) {
        return admin.post("/api/admin/experiences/" + experienceId + "/publish", Map.of()).expect(200).json();
    }

    static Map<String, Object> everyone() {
        return Map.of("type", "everyone");
    }

    static Map<String, Object> segments(String... ids) {
        return Map.of("type", "segments", "segmentIds", List.of(ids));
    }

    static Map<String, Object> text(String content) {
        return Map.of("type", "rich_text", "content", content);
    }

    // --- the portal, as a contact ---

    TestHttp as(String contactId, String partnerId) {
        return http.asContact(contactId, partnerId);
    }

    JsonNode experienceOf(String contactId, String partnerId) {
        return as(contactId, partnerId).get("/api/portal/experience").expect(200).json();
    }

    /** Titles of the tabs a contact sees (only this test's tabs: their slugs carry the tag). */
    List<String> tabsOf(String contactId, String partnerId) {
        List<String> titles = new ArrayList<>();
        for (JsonNode t : experienceOf(contactId, partnerId).get("tabs")) {
            if (t.get("slug").asText().endsWith(tag)) {
                titles.add(t.get("title").asText());
            }
        }
        return titles;
    }
}
