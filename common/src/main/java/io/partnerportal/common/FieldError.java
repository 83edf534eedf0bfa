package io.partnerportal.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One reason a request is invalid. {@code pointer} is a JSON pointer into the request body
 * ({@code /condition/all/2/values/0}); {@code parameter} names a query or path parameter instead.
 *
 * @param pointer   JSON pointer relative to the request body, or null
 * @param parameter the query/path parameter at fault, or null
 * @param code      a stable machine-readable code ({@code unknown_property}, {@code required})
 * @param message   what is wrong, for a human
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String pointer, String parameter, String code, String message) {

    public static FieldError at(String pointer, String code, String message) {
        return new FieldError(pointer, null, code, message);
    }

    public static FieldError parameter(String parameter, String code, String message) {
        return new FieldError(null, parameter, code, message);
    }

    /** The same error moved under a prefix pointer ({@code /condition} + {@code /all/0}). */
    public FieldError under(String prefix) {
        return pointer == null ? this : new FieldError(prefix + pointer, parameter, code, message);
    }
}
