package io.partnerportal.segments.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.web.JsonBody;
import io.partnerportal.segments.application.SegmentInsight;
import io.partnerportal.segments.domain.SegmentLevel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Preview before save, explain a membership, a segment's versions, a contact's whole access. */
@Controller("/api/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Segment insight")
class InsightController {

    private final SegmentInsight insight;

    InsightController(SegmentInsight insight) {
        this.insight = insight;
    }

    @Serdeable
    record PreviewRequest(@Schema(allowableValues = {"partner", "contact"}) String level,
                          @Schema(implementation = Object.class) Object condition,
                          @Nullable @Schema(description = "compare with this saved segment") String segmentId) {
    }

    @Post("/segments/preview")
    @Operation(summary = "Preview a condition before saving", description = "Nothing is saved. Member and contact "
            + "counts, a page of members (page/size), and with segmentId who would join and leave compared with the "
            + "saved segment. Same validation as saving (422 with pointers).")
    @RequestBody(content = @Content(schema = @Schema(implementation = PreviewRequest.class)))
    SegmentInsight.Preview preview(@Body JsonNode json, @Nullable @QueryValue Integer page,
                                   @Nullable @QueryValue Integer size) {
        JsonBody body = JsonBody.of(json).allowOnly(Set.of("level", "condition", "segmentId"));
        String level = body.string("level", true, 20);
        String segmentId = body.string("segmentId", false, 100);
        SegmentLevel parsed = null;
        if (level != null) {
            if (!List.of("partner", "contact").contains(level)) {
                body.error("level", "invalid", "level must be partner or contact");
            } else {
                parsed = SegmentLevel.fromJson(level);
            }
        }
        body.throwIfInvalid();
        return insight.preview(parsed, body.raw("condition"), segmentId, PageRequest.of(page, size));
    }

    @Get("/segments/{id}/explain")
    @Operation(summary = "Why a contact or partner is (not) in a segment", description = "The condition tree with "
            + "each node's result and the values compared; short-circuited nodes are marked; in_segment nodes are "
            + "expanded one level; names the segment version evaluated.")
    Map<String, Object> explain(String id, @Nullable @QueryValue String contactId, @Nullable @QueryValue String partnerId) {
        return insight.explain(id, contactId, partnerId);
    }

    @Get("/segments/{id}/versions")
    @Operation(summary = "Every saved version of a segment", description = "Condition, permissions, who and when; newest first.")
    List<Map<String, Object>> versions(String id) {
        return insight.versions(id);
    }

    @Get("/contacts/{id}/access")
    @Operation(summary = "A contact's whole effective access", description = "Its segments (via: partner where they "
            + "come from its partner), its effective role, its segment permissions and every gated item (tabs, forms, "
            + "quote creation, profile editing, ...) allowed or denied with the reason.")
    Map<String, Object> access(String id) {
        return insight.contactAccess(id);
    }
}
