package io.partnerportal.crm.sync.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.web.Actors;
import io.partnerportal.common.web.JsonBody;
import io.partnerportal.crm.sync.application.FullSync;
import io.partnerportal.crm.sync.application.MappingService;
import io.partnerportal.crm.sync.application.OutboxDelivery;
import io.partnerportal.crm.sync.domain.CrmMapping;
import io.partnerportal.crm.sync.domain.OutboxEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CRM sync for admins: the write-back outbox, the field mapping, a full pass on demand. */
@Controller("/api/admin/crm")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "CRM")
class CrmAdminController {

    private final OutboxDelivery outbox;
    private final MappingService mapping;
    private final FullSync fullSync;

    CrmAdminController(OutboxDelivery outbox, MappingService mapping, FullSync fullSync) {
        this.outbox = outbox;
        this.mapping = mapping;
        this.fullSync = fullSync;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OutboxJson(String id, String system, String object, String crmId, String recordId, String field,
                      String property, Object value, String cause, Map<String, String> actor, String status,
                      int attempts, String lastError, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {

        static OutboxJson of(OutboxEntry e) {
            return new OutboxJson(e.id().toString(), e.system(), e.object().jsonName(), e.crmId(),
                    e.recordId() == null ? null : e.recordId().toString(), e.field(), e.property(), e.value(), e.cause(),
                    Map.of("kind", e.actor().kind().name().toLowerCase(), "id", e.actor().id(), "display",
                            e.actor().display()), e.status().jsonName(), e.attempts(), e.lastError(),
                    e.nextAttemptAt(), e.createdAt(), e.deliveredAt());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MappingJson(@Schema(description = "[{object: company|person, field: CRM field, property: portal key}]")
                       List<Map<String, Object>> fields,
                       @Schema(description = "send it back with a change; stale → 412") long version,
                       @Schema(accessMode = Schema.AccessMode.READ_ONLY) Instant updatedAt) {

        @SuppressWarnings("unchecked")
        static MappingJson of(CrmMapping m) {
            return new MappingJson((List<Map<String, Object>>) MappingService.snapshot(m).get("fields"), m.version(),
                    m.updatedAt());
        }
    }

    @Serdeable
    record SyncReportJson(boolean ran, String system, long companies, long people, Map<String, Long> outcomes,
                          long tookMillis) {

        static SyncReportJson of(FullSync.Report r) {
            Map<String, Long> outcomes = new LinkedHashMap<>();
            r.outcomes().forEach((k, v) -> outcomes.put(k.jsonName(), v));
            return new SyncReportJson(r.ran(), r.system(), r.companies(), r.people(), outcomes,
                    r.took() == null ? 0 : r.took().toMillis());
        }
    }

    @Get("/outbox")
    @Operation(summary = "The CRM write-back outbox", description = "Newest first, paged (`page`, `size` ≤ 500); "
            + "`status` = pending (waiting or retrying), delivered, or failed (given up; retry it).")
    Page<OutboxJson> list(@Nullable @QueryValue String status, @Nullable @QueryValue Integer page,
                          @Nullable @QueryValue Integer size) {
        OutboxEntry.Status filter = null;
        if (status != null) {
            try {
                filter = OutboxEntry.Status.fromJson(status);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.parameter("status", "unknown_option", "status is pending, delivered or "
                        + "failed");
            }
        }
        return outbox.list(filter, PageRequest.of(page, size)).map(OutboxJson::of);
    }

    @Post("/outbox/{id}/retry")
    @Operation(summary = "Retry a write-back", description = "A failed (or waiting) entry becomes due now with a "
            + "fresh round of attempts; a delivered one is a 409. The same idempotency key is sent again, so a "
            + "CRM that received it before ignores it.")
    OutboxJson retry(String id, Authentication auth) {
        return OutboxJson.of(outbox.retry(id, Actors.of(auth)));
    }

    @Serdeable
    record DeliveryJson(int attempted) {
    }

    @Post("/outbox/deliver")
    @Operation(summary = "Deliver what is due now", description = "One round of the worker on this instance (at most "
            + "`portal.crm.outbox.batch-size` entries), without waiting for its next run; safe next to the workers of "
            + "every instance. Answers how many entries were attempted.")
    DeliveryJson deliver() {
        return new DeliveryJson(outbox.deliverDue());
    }

    @Get("/mapping")
    @Operation(summary = "The CRM field mapping", description = "Which CRM field syncs with which portal property; "
            + "a CRM property without a mapping is written back under its own key.")
    MappingJson getMapping() {
        return MappingJson.of(mapping.get());
    }

    @Put("/mapping")
    @Operation(summary = "Replace the CRM field mapping", description = "Each property must exist at the object's "
            + "level (company → partner, person → contact) and not be a system property (422 with pointers); no "
            + "field or property twice. With the version read (stale → 412). Recorded in the audit log.")
    @RequestBody(content = @Content(schema = @Schema(implementation = MappingJson.class)))
    MappingJson putMapping(@Body JsonNode body, Authentication auth) {
        Object plain = JsonBody.toPlain(body);
        if (!(plain instanceof Map<?, ?> map)) {
            throw InvalidInputException.of("", "wrong_value_type", "the request body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) map;
        return MappingJson.of(mapping.replace(json, Actors.of(auth)));
    }

    @Post("/sync")
    @Operation(summary = "Run a full pass now", description = "Applies every CRM record to the portal (cause "
            + "crm_sync, never written back). `ran` is false when no connector is configured or another instance "
            + "is running a pass.")
    SyncReportJson sync() {
        return SyncReportJson.of(fullSync.run());
    }
}
