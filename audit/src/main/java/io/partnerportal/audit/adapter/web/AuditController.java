package io.partnerportal.audit.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.audit.api.AuditEntry;
import io.partnerportal.audit.api.AuditLog;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;

/** The audit log of configuration changes. */
@Controller("/api/admin/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Audit")
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @Get
    @Operation(summary = "Configuration changes, newest first", description = "Segments, audiences on tabs, forms, "
            + "quote and profile settings, roles, the catalogue: who, when, before and after. Filter with "
            + "entityType (segment, tab, form, role, property, ...) and entityId.")
    Page<Entry> entries(@Nullable @QueryValue String entityType, @Nullable @QueryValue String entityId,
                        @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return log.entries(entityType, entityId, PageRequest.of(page, size)).map(Entry::of);
    }

    @Serdeable
    @Schema(name = "AuditEntry")
    record Entry(long id, String entityType, String entityId, @Nullable String entityName, String action,
                 @Nullable @Schema(implementation = Object.class) Object before,
                 @Nullable @Schema(implementation = Object.class) Object after, ActorJson actor, Instant at) {
        static Entry of(AuditEntry e) {
            return new Entry(e.id(), e.entityType(), e.entityId(), e.entityName(), e.action(), e.before(), e.after(),
                    new ActorJson(e.actor().kind().name().toLowerCase(), e.actor().id(), e.actor().display()), e.at());
        }
    }

    @Serdeable
    record ActorJson(String kind, String id, String display) {
    }
}
