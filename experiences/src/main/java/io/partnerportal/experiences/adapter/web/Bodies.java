package io.partnerportal.experiences.adapter.web;

import io.micronaut.json.tree.JsonNode;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.web.JsonBody;

import java.util.Map;

/** Request bodies as plain Java, and the If-Match header as a version. */
final class Bodies {

    private Bodies() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(JsonNode body) {
        Object plain = JsonBody.toPlain(body);
        if (!(plain instanceof Map<?, ?>)) {
            throw InvalidInputException.of("", "wrong_value_type", "the request body must be a JSON object");
        }
        return (Map<String, Object>) plain;
    }

    static Map<String, Object> objectOrEmpty(JsonNode body) {
        return body == null || body.isNull() ? Map.of() : object(body);
    }

    static Long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.trim().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw InvalidInputException.parameter("If-Match", "invalid_format", "If-Match is an ETag this API answered");
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
