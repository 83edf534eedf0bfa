package io.partnerportal.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerportal.testsupport.SegmentRequests;
import io.partnerportal.testsupport.TestHttp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The quotes tests' fixture: partners, contacts, segments, settings and products in one line each. */
final class QuotesFixture {

    final TestHttp http;
    final TestHttp admin;

    QuotesFixture(TestHttp http) {
        this.http = http;
        this.admin = http.asAdmin();
    }

    String partner(String name, Map<String, Object> properties) {
        return admin.post("/api/admin/partners", Map.of("name", name, "website", "https://" + slug(name) + ".example",
                "properties", properties)).expect(201).text("/id");
    }

    String contact(String partnerId, String email, Map<String, Object> properties) {
        return admin.post("/api/admin/contacts", Map.of("partnerId", partnerId, "email", email, "properties",
                properties)).expect(201).text("/id");
    }

    /** The portal as one contact sees it. */
    TestHttp as(String contactId) {
        String partnerId = admin.get("/api/admin/contacts/" + contactId).expect(200).text("/partnerId");
        return http.asContact(contactId, partnerId);
    }

    String segment(String name, String level, Object condition) {
        return SegmentRequests.createDynamic(admin, name, level, condition);
    }

    static Map<String, Object> leaf(String property, String op, Object value) {
        return SegmentRequests.leaf(property, op, value);
    }

    JsonNode settings() {
        return admin.get("/api/admin/quotes/settings").expect(200).json();
    }

    /** Replaces the settings (reading the current version first). */
    JsonNode putSettings(Object allowQuoteCreation, Object defaultMax, List<Map<String, Object>> caps) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allowQuoteCreation", allowQuoteCreation);
        if (defaultMax != null) {
            body.put("defaultMaxDiscountPercent", defaultMax);
        }
        body.put("discountCaps", caps);
        body.put("version", settings().get("version").asLong());
        return admin.put("/api/admin/quotes/settings", body).expect(200).json();
    }

    static Map<String, Object> segments(String... ids) {
        return Map.of("type", "segments", "segmentIds", List.of(ids));
    }

    static Map<String, Object> everyone() {
        return Map.of("type", "everyone");
    }

    static Map<String, Object> cap(String segmentId, Object max) {
        return Map.of("segmentId", segmentId, "maxDiscountPercent", max);
    }

    String product(String sku, String name, Object price, String currency) {
        return admin.post("/api/admin/quotes/products", Map.of("sku", sku, "name", name, "listPrice", price,
                "currency", currency)).expect(201).text("/id");
    }

    static Map<String, Object> line(String productId, int quantity, Object discount) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("productId", productId);
        line.put("quantity", quantity);
        if (discount != null) {
            line.put("discountPercent", discount);
        }
        return line;
    }

    static Map<String, Object> quote(Map<String, Object>... lines) {
        return Map.of("lines", List.of(lines));
    }

    private static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
