package io.partnerportal.common;

import java.util.List;

/** Well-formed but invalid input: 422 with every error found, each with a pointer. */
public final class InvalidInputException extends PortalException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String pointer, String code, String message) {
        return new InvalidInputException(List.of(FieldError.at(pointer, code, message)));
    }

    public static InvalidInputException parameter(String parameter, String code, String message) {
        return new InvalidInputException(List.of(FieldError.parameter(parameter, code, message)));
    }

    private static String summary(List<FieldError> errors) {
        if (errors.size() == 1) {
            FieldError e = errors.get(0);
            String where = e.pointer() != null ? e.pointer() : e.parameter();
            return where == null ? e.message() : where + ": " + e.message();
        }
        return errors.size() + " errors in the request";
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String title() {
        return "Invalid input";
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }
}
