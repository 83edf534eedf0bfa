package io.partnerportal.partners.domain;

import io.partnerportal.common.FieldError;

import java.util.List;

/** What became of one import row. */
public record ImportOutcome(long line, Result result, List<FieldError> errors) {

    public enum Result { CREATED, UPDATED, UNCHANGED, FAILED }

    public ImportOutcome {
        errors = List.copyOf(errors);
    }

    public static ImportOutcome of(long line, Result result) {
        return new ImportOutcome(line, result, List.of());
    }

    public static ImportOutcome failed(long line, List<FieldError> errors) {
        return new ImportOutcome(line, Result.FAILED, errors);
    }
}
