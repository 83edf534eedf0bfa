package io.partnerportal.common.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import io.partnerportal.common.FieldError;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bean-validation failures of request bodies and parameters are well-formed but invalid input:
 * 422 with one error per violation, pointing into the body ({@code /username}) or naming the
 * query parameter.
 */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            errors.add(toError(violation));
        }
        errors.sort(Comparator.comparing(e -> e.pointer() != null ? e.pointer() : "?" + e.parameter()));
        String detail = errors.size() == 1 ? describe(errors.get(0)) : errors.size() + " errors in the request";
        return Problems.response(422, "Invalid input", detail, errors, java.util.Map.of());
    }

    private static String describe(FieldError e) {
        return (e.pointer() != null ? e.pointer() : e.parameter()) + ": " + e.message();
    }

    static FieldError toError(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder pointer = new StringBuilder();
        boolean afterParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                afterParameter = true;
                continue;
            }
            if (!afterParameter && kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            } else if (node.getKey() != null) {
                pointer.append('/').append(node.getKey());
            }
            if (node.getName() != null && kind == ElementKind.PROPERTY) {
                pointer.append('/').append(node.getName());
            }
        }
        String code = violation.getConstraintDescriptor() == null ? "invalid"
                : toCode(violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName());
        if (pointer.length() > 0) {
            return FieldError.at(pointer.toString(), code, violation.getMessage());
        }
        return FieldError.parameter(parameter, code, violation.getMessage());
    }

    private static String toCode(String constraint) {
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "Size", "Max", "Min", "Positive", "PositiveOrZero", "DecimalMax", "DecimalMin" -> "out_of_range";
            case "Email", "Pattern" -> "invalid_format";
            default -> "invalid";
        };
    }
}
