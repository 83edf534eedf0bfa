package io.partnerportal.common.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.partnerportal.common.FieldError;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the framework's own errors (unparsable JSON, unknown route, wrong method, missing token,
 * unexpected exceptions) into problem+json. Internal errors never carry a stack trace or an
 * exception message to the client: the client gets a reference the operator finds in the log.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    @Override
    @NonNull
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Map<String, Object>> processResponse(@NonNull ErrorContext context,
                                                                   @NonNull MutableHttpResponse<?> response) {
        int status = response.code();
        String title = Problems.titleFor(status);
        String detail;
        List<FieldError> errors = new ArrayList<>();
        if (status >= 500) {
            String reference = UUID.randomUUID().toString();
            LOG.error("Internal error {} on {} {}", reference, context.getRequest().getMethodName(),
                    context.getRequest().getPath(), context.getRootCause().orElse(null));
            detail = "An unexpected error occurred; the operator can find it in the log under reference "
                    + reference + ".";
        } else {
            detail = context.getErrors().stream().map(Error::getMessage).findFirst().orElse(defaultDetail(status));
            for (Error error : context.getErrors()) {
                error.getPath().ifPresent(path -> errors.add(FieldError.at(toPointer(path), "invalid",
                        error.getMessage())));
            }
        }
        return ((MutableHttpResponse<Map<String, Object>>) response)
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.body(status, title, detail, errors, Map.of()));
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 401 -> "Authentication is required: send a valid bearer token.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "No such resource.";
            default -> null;
        };
    }

    /** Micronaut paths look like {@code body.items[0].name}; pointers like {@code /items/0/name}. */
    static String toPointer(String path) {
        String p = path.startsWith("body.") ? path.substring(5) : path;
        return "/" + p.replace("[", ".").replace("]", "").replace('.', '/');
    }
}
