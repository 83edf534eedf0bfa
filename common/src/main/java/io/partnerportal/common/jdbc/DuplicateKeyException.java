package io.partnerportal.common.jdbc;

import io.micronaut.data.exceptions.DataAccessException;

/** A unique constraint refused the write; the caller usually answers 409. */
public class DuplicateKeyException extends DataAccessException {
    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
