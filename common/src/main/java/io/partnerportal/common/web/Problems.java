package io.partnerportal.common.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.partnerportal.common.FieldError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds RFC 9457 {@code application/problem+json} documents. Every error answer of the service
 * goes through here, so clients can rely on one shape: type, title, status, detail and, for
 * validation failures, {@code errors[]} with pointers relative to the request body.
 */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final String TYPE_BASE = "https://partnerportal.io/problems/";

    private Problems() {
    }

    public static MutableHttpResponse<Map<String, Object>> response(int status, String title, String detail,
                                                                    List<FieldError> errors,
                                                                    Map<String, Object> extensions) {
        return HttpResponse.<Map<String, Object>>status(HttpStatus.valueOf(status))
                .contentType(PROBLEM_JSON)
                .body(body(status, title, detail, errors, extensions));
    }

    public static Map<String, Object> body(int status, String title, String detail, List<FieldError> errors,
                                           Map<String, Object> extensions) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + slug(title));
        problem.put("title", title);
        problem.put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        if (errors != null && !errors.isEmpty()) {
            problem.put("errors", errors);
        }
        if (extensions != null) {
            extensions.forEach(problem::putIfAbsent);
        }
        return problem;
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 412 -> "Precondition failed";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Invalid input";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Request failed";
        };
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
