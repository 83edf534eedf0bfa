package io.partnerportal.partners;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerportal.testsupport.TestHttp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The partners module's test fixture: partners and contacts made through the admin API in one line. */
public final class Directory {

    private final TestHttp admin;

    public Directory(TestHttp http) {
        this.admin = http.asAdmin();
    }

    public JsonNode partner(String name, Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("properties", properties);
        return admin.post("/api/admin/partners", body).expect(201).json();
    }

    public String partnerId(String name, Map<String, Object> properties) {
        return partner(name, properties).get("id").asText();
    }

    public String partnerId(String name) {
        return partnerId(name, Map.of());
    }

    public JsonNode contact(String partnerId, String email, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("partnerId", partnerId);
        body.put("email", email);
        return admin.post("/api/admin/contacts", body).expect(201).json();
    }

    public String contactId(String partnerId, String email) {
        return contact(partnerId, email, Map.of()).get("id").asText();
    }

    /** A unique e-mail address for a test. */
    public static String email(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
    }
}
