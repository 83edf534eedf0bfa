package io.partnerportal.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Condition JSON and segment creation through the admin API, as every module's scenario tests need them. */
public final class SegmentRequests {

    private SegmentRequests() {
    }

    /** A comparison leaf: a list goes to {@code values}, any other value to {@code value}, null to neither. */
    public static Map<String, Object> leaf(String property, String op, Object value) {
        Map<String, Object> leaf = new LinkedHashMap<>();
        leaf.put("property", property);
        leaf.put("op", op);
        if (value instanceof List<?>) {
            leaf.put("values", value);
        } else if (value != null) {
            leaf.put("value", value);
        }
        return leaf;
    }

    /** Creates a dynamic segment and answers its id (201 expected). */
    public static String createDynamic(TestHttp admin, String name, String level, Object condition) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("level", level);
        body.put("kind", "dynamic");
        body.put("condition", condition);
        return admin.post("/api/admin/segments", body).expect(201).text("/id");
    }
}
