package io.partnerportal.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small HTTP client for scenario tests: sends JSON as a given caller and returns status,
 * headers and the body as a JSON tree ({@code response.json().at("/items/0/name")}).
 * Error answers are returned, not thrown, so tests can assert on problem documents.
 */
public final class TestHttp {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;
    private final Map<String, String> headers;

    public TestHttp(URL base) {
        this(base.toString().replaceAll("/$", ""), null, Map.of());
    }

    private TestHttp(String base, String token, Map<String, String> headers) {
        this.base = base;
        this.token = token;
        this.headers = headers;
    }

    /** The same client sending {@code Authorization: Bearer token}. */
    public TestHttp as(String token) {
        return new TestHttp(base, token, headers);
    }

    public TestHttp asAdmin() {
        return as(TestTokens.admin());
    }

    public TestHttp asContact(String contactId, String partnerId) {
        return as(TestTokens.contact(contactId, partnerId));
    }

    /** The same client sending an extra header on every request. */
    public TestHttp with(String header, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(header, value);
        return new TestHttp(base, token, h);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, "application/json");
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, "application/json");
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body, "application/merge-patch+json");
    }

    /** Sends a raw body with the given content type (CSV uploads, malformed JSON). */
    public Response send(String method, String path, Object body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(method + " " + path, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An answer: status, headers, body. */
    public record Response(String request, HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (JsonProcessingException e) {
                throw new AssertionError(request + " did not answer JSON: " + raw.body(), e);
            }
        }

        /** The text at a JSON pointer of the body. */
        public String text(String pointer) {
            return json().at(pointer).asText();
        }

        /** Asserts the status, showing the body when it differs, and returns this response. */
        public Response expect(int status) {
            assertThat(status()).as("%s answered %s", request, raw.body()).isEqualTo(status);
            return this;
        }

        /** Asserts a problem+json answer with the status and returns its body. */
        public JsonNode problem(int status) {
            expect(status);
            assertThat(header("Content-Type")).as("content type of %s", request).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(problem.hasNonNull("title")).isTrue();
            return problem;
        }
    }
}
