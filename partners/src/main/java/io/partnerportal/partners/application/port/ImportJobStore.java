package io.partnerportal.partners.application.port;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.Actor;
import io.partnerportal.partners.api.PropertyLevel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where import jobs keep their state, progress and first errors. */
public interface ImportJobStore {

    void create(ImportJob job);

    Optional<ImportJob> find(UUID id);

    void started(UUID id, Instant at);

    /** Adds a batch's counts and errors (errors beyond {@code maxErrors} are only counted). */
    void progress(UUID id, long bytesRead, long rows, long created, long updated, long unchanged, long failed,
                  List<LineError> errors, int maxErrors, Instant at);

    void finished(UUID id, String status, String message, Instant at);

    /** Marks jobs that stopped making progress (their instance died) as failed. */
    int failStale(Instant updatedBefore, Instant at);

    /** An error of one line: the column (CSV) or member (NDJSON) at fault and what is wrong. */
    record LineError(long line, String field, String message) {
        public static LineError of(long line, FieldError error) {
            return new LineError(line, fieldOf(error), error.message());
        }

        /** {@code /properties/tier} → {@code tier}, {@code /crmIds/demo} → {@code crmId.demo}. */
        static String fieldOf(FieldError error) {
            String p = error.pointer();
            if (p == null || p.isEmpty()) {
                return error.parameter();
            }
            String[] parts = p.substring(1).split("/");
            if (parts.length >= 2 && parts[0].equals("properties")) {
                return unescape(parts[1]);
            }
            if (parts.length >= 2 && parts[0].equals("crmIds")) {
                return "crmId." + unescape(parts[1]);
            }
            if (parts.length >= 2 && parts[0].equals("partnerCrmIds")) {
                return "partnerCrmId." + unescape(parts[1]);
            }
            return unescape(parts[0]);
        }

        private static String unescape(String token) {
            return token.replace("~1", "/").replace("~0", "~");
        }
    }

    /** A job as stored. */
    record ImportJob(UUID id, PropertyLevel level, String format, String status, Actor actor, long bytesTotal,
                     long bytesRead, long rowsRead, long created, long updated, long unchanged, long failed,
                     List<LineError> errors, boolean errorsTruncated, String message, Instant createdAt,
                     Instant startedAt, Instant finishedAt) {
    }
}
