package io.partnerportal.segments.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.web.Actors;
import io.partnerportal.common.web.JsonBody;
import io.partnerportal.segments.adapter.web.SegmentJson.SegmentResponse;
import io.partnerportal.segments.application.IndexVerification;
import io.partnerportal.segments.application.MemberListing;
import io.partnerportal.segments.application.RecomputeReport;
import io.partnerportal.segments.application.SegmentAdministration;
import io.partnerportal.segments.domain.segment.MembershipDiff;
import io.partnerportal.segments.domain.segment.SegmentKind;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.spi.GatedItems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/** Segment administration: definitions, static members, exports, recomputation. */
@Controller("/api/admin/segments")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Segments")
class SegmentController {

    private final SegmentAdministration segments;
    private final MemberListing members;
    private final IndexVerification verification;
    /** The export's pages are read from the database: never on the event loop that writes the response. */
    private final Scheduler blocking;

    SegmentController(SegmentAdministration segments, MemberListing members, IndexVerification verification,
                      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = Schedulers.fromExecutorService(blocking);
        this.segments = segments;
        this.members = members;
        this.verification = verification;
    }

    @Post
    @Operation(summary = "Create a segment", description = "Membership is computed within the request, so "
            + "memberCount is exact. A bad condition is a 422 pointing at the offending node; a duplicate name "
            + "(ignoring case) is a 409.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SegmentJson.SegmentRequest.class)))
    HttpResponse<SegmentResponse> create(@Body JsonNode body, Authentication auth) {
        SegmentResponse created = SegmentJson.response(segments.create(SegmentJson.draft(JsonBody.of(body), true),
                Actors.of(auth)));
        return HttpResponse.created(created, URI.create("/api/admin/segments/" + created.id()));
    }

    @Get
    @Operation(summary = "List segments", description = "With member and contact counts; filter by name, level, kind.")
    Page<SegmentResponse> list(@Nullable @QueryValue String q, @Nullable @QueryValue String level,
                               @Nullable @QueryValue String kind, @Nullable @QueryValue Integer page,
                               @Nullable @QueryValue Integer size) {
        return segments.list(q, level == null ? null : parse(level, "level", SegmentLevel::fromJson),
                kind == null ? null : parse(kind, "kind", SegmentKind::fromJson), PageRequest.of(page, size))
                .map(SegmentJson::response);
    }

    @Get("/{id}")
    @Operation(summary = "Read a segment", description = "With counts and lint warnings.")
    SegmentResponse get(String id) {
        return segments.find(id).map(SegmentJson::response).orElseThrow(() -> NotFoundException.of("Segment", id));
    }

    @Put("/{id}")
    @Operation(summary = "Replace a segment", description = "The body carries the version being replaced "
            + "(stale → 412). Level and kind cannot change. Membership is recomputed within the request and every "
            + "join and leave is recorded.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SegmentJson.SegmentRequest.class)))
    SegmentResponse replace(String id, @Body JsonNode body, Authentication auth) {
        return SegmentJson.response(segments.replace(id, SegmentJson.draft(JsonBody.of(body), false), Actors.of(auth)));
    }

    @Delete("/{id}")
    @Operation(summary = "Delete a segment", description = "Refused (409, listing every usage) while the segment "
            + "is used by another segment or any gated item.")
    HttpResponse<Void> delete(String id, Authentication auth) {
        segments.delete(id, Actors.of(auth));
        return HttpResponse.noContent();
    }

    @Get("/{id}/usages")
    @Operation(summary = "Where a segment is used")
    List<GatedItems.Usage> usages(String id) {
        segments.find(id).orElseThrow(() -> NotFoundException.of("Segment", id));
        return segments.usages(id);
    }

    @Post("/{id}/members")
    @Operation(summary = "Add members to a static segment", description = "Up to 10,000 ids; idempotent; an unknown "
            + "id is a 422 pointing at it (/ids/3); on a dynamic segment a 409.")
    MemberEditResult addMembers(String id, @Body JsonNode body, Authentication auth) {
        return MemberEditResult.of(segments.addMembers(id, ids(body), Actors.of(auth)));
    }

    @Post("/{id}/members/remove")
    @Operation(summary = "Remove members from a static segment")
    MemberEditResult removeMembers(String id, @Body JsonNode body, Authentication auth) {
        return MemberEditResult.of(segments.removeMembers(id, ids(body), Actors.of(auth)));
    }

    @Delete("/{id}/members/{memberId}")
    @Operation(summary = "Remove one member from a static segment")
    HttpResponse<Void> removeMember(String id, String memberId, Authentication auth) {
        segments.removeMembers(id, List.of(memberId), Actors.of(auth));
        return HttpResponse.noContent();
    }

    @Get("/{id}/members")
    @Operation(summary = "List a segment's members", description = "Partners of a partner-level segment, contacts "
            + "of a contact-level one; q searches names and e-mails.")
    Page<MemberListing.Member> members(String id, @Nullable @QueryValue String q, @Nullable @QueryValue Integer page,
                                       @Nullable @QueryValue Integer size) {
        return members.members(id, q, PageRequest.of(page, size));
    }

    @Get(value = "/{id}/members.csv", produces = "text/csv")
    @Operation(summary = "Export a segment's members as CSV", description = "Streamed in pages; memory stays bounded.")
    HttpResponse<Flux<String>> export(String id) {
        MemberListing.Export export = members.export(id);
        Flux<String> body = Flux.concat(Flux.just(export.header()), Flux.<String, String>generate(() -> "", (after, sink) -> {
            MemberListing.ExportPage next = members.exportPage(export, after);
            if (next.last() == null || next.last().equals(after)) {
                sink.complete();
                return after;
            }
            // a page whose members were all deleted meanwhile is empty, not the end
            sink.next(String.join("", next.lines()));
            return next.last();
        }).subscribeOn(blocking));
        return HttpResponse.ok(body).contentType(MediaType.of("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"segment-" + id + "-members.csv\"");
    }

    @Post("/recompute")
    @Operation(summary = "Recompute every segment from scratch", description = "Idempotent; reports every "
            + "difference found (none on a consistent system).")
    RecomputeReport recompute(Authentication auth) {
        return segments.recomputeAll(Actors.of(auth));
    }

    @Get("/index/verification")
    @Operation(summary = "Compare this instance's in-memory access index with the database",
            description = "After catching up with the journal; differences per segment (none on a healthy instance). "
                    + "With `sample=N` (at most 10,000) also evaluates N contacts afresh in memory and lists those whose "
                    + "segments differ from the index.")
    IndexVerification.Report verifyIndex(@Nullable @QueryValue Integer sample) {
        if (sample != null && (sample < 0 || sample > IndexVerification.MAX_SAMPLE)) {
            throw InvalidInputException.parameter("sample", "out_of_range", "sample is between 0 and "
                    + IndexVerification.MAX_SAMPLE);
        }
        return verification.verify(sample == null ? 0 : sample);
    }

    private static List<String> ids(JsonNode json) {
        JsonBody body = JsonBody.of(json).allowOnly(Set.of("ids"));
        List<String> ids = body.strings("ids", SegmentAdministration.MAX_STATIC_IDS);
        if (ids == null && body.errors().isEmpty()) {
            body.error("ids", "required", "ids is required");
        }
        body.throwIfInvalid();
        return ids;
    }

    private static <T> T parse(String value, String parameter, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.parameter(parameter, "invalid", "unknown " + parameter + " '" + value + "'");
        }
    }

    @Serdeable
    record MemberEditResult(int joined, int left) {
        static MemberEditResult of(MembershipDiff diff) {
            return new MemberEditResult(diff.joined().size(), diff.left().size());
        }
    }
}
