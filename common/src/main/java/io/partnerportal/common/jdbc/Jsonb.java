package io.partnerportal.common.jdbc;

/** A JSON text bound as a {@code jsonb} parameter. */
public record Jsonb(String json) {
}
