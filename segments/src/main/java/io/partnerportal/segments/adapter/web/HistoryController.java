package io.partnerportal.segments.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.segments.application.MembershipHistory;
import io.partnerportal.segments.application.port.HistoryStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.Map;

/** Membership history of a segment, a partner or a contact. */
@Controller("/api/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Segment history")
class HistoryController {

    private final MembershipHistory history;

    HistoryController(MembershipHistory history) {
        this.history = history;
    }

    @Get("/segments/{id}/history")
    @Operation(summary = "A segment's joins and leaves", description = "Newest first. A bulk change (a segment edit "
            + "moving many members) is one entry with counts; its members are under .../history/batches/{batchId}.")
    Page<HistoryEntry> segment(String id, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return history.ofSegment(id, PageRequest.of(page, size)).map(HistoryEntry::of);
    }

    @Get("/segments/{id}/history/batches/{batchId}")
    @Operation(summary = "The members of one bulk change")
    Page<HistoryEntry> batch(String id, long batchId, @Nullable @QueryValue Integer page,
                             @Nullable @QueryValue Integer size) {
        return history.ofBatch(id, batchId, PageRequest.of(page, size)).map(HistoryEntry::of);
    }

    @Get("/partners/{id}/membership-history")
    @Operation(summary = "A partner's segment joins and leaves")
    Page<HistoryEntry> partner(String id, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return history.ofPartner(id, PageRequest.of(page, size)).map(HistoryEntry::of);
    }

    @Get("/contacts/{id}/membership-history")
    @Operation(summary = "A contact's segment joins and leaves", description = "Including its partner's "
            + "partner-level changes, marked via: partner.")
    Page<HistoryEntry> contact(String id, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return history.ofContact(id, PageRequest.of(page, size)).map(HistoryEntry::of);
    }

    @Serdeable
    @Schema(name = "MembershipHistoryEntry")
    record HistoryEntry(long id, @Nullable Long batchId, String segmentId, String segmentName, long segmentVersion,
                        @Schema(allowableValues = {"joined", "left", "bulk"}) String change,
                        @Nullable String memberType, @Nullable String memberId, @Nullable String partnerId,
                        @Nullable Integer joinedCount, @Nullable Integer leftCount, Cause cause, ActorJson actor,
                        Instant at, @Nullable String via) {

        static HistoryEntry of(HistoryStore.Entry e) {
            String change = e.joined() == null ? "bulk" : e.joined() ? "joined" : "left";
            return new HistoryEntry(e.id(), e.batchId(), e.segmentId(), e.segmentName(), e.segmentVersion(), change,
                    e.memberType(), e.memberId(), e.partnerId(), e.joinedCount(), e.leftCount(),
                    new Cause(e.cause(), e.detail()), new ActorJson(e.actorKind(), e.actorId(), e.actorDisplay()),
                    e.at(), e.via());
        }
    }

    @Serdeable
    record Cause(String type, Map<String, Object> detail) {
    }

    @Serdeable
    record ActorJson(String kind, String id, String display) {
    }
}
