package io.partnerportal.partners.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.partners.application.port.ImportJobStore.ImportJob;

import java.time.Instant;
import java.util.List;

/**
 * An import job: {@code status} queued, running, completed or failed; {@code progress} from 0 to 1
 * (share of the file read); exact {@code counts}; the first errors as {@code {line, field, message}}
 * ({@code errorsTruncated} when there were more).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record ImportJobJson(String id, String level, String format, String status, double progress, long rowsRead,
                     Counts counts, List<LineErrorJson> errors, boolean errorsTruncated, String message,
                     String actor, Instant createdAt, Instant startedAt, Instant finishedAt) {

    @Serdeable
    record Counts(long created, long updated, long unchanged, long failed) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LineErrorJson(long line, String field, String message) {
    }

    static ImportJobJson of(ImportJob j) {
        double progress = j.status().equals("completed") ? 1.0
                : j.bytesTotal() == 0 ? 0.0 : Math.min(1.0, (double) j.bytesRead() / j.bytesTotal());
        return new ImportJobJson(j.id().toString(), j.level().prefix(), j.format(), j.status(), progress, j.rowsRead(),
                new Counts(j.created(), j.updated(), j.unchanged(), j.failed()),
                j.errors().stream().map(e -> new LineErrorJson(e.line(), e.field(), e.message())).toList(),
                j.errorsTruncated(), j.message(), j.actor().display(), j.createdAt(), j.startedAt(), j.finishedAt());
    }
}
