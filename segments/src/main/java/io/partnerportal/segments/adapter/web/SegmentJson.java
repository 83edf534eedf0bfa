package io.partnerportal.segments.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.web.JsonBody;
import io.partnerportal.segments.application.SegmentDraft;
import io.partnerportal.segments.application.SegmentView;
import io.partnerportal.segments.domain.segment.Permissions;
import io.partnerportal.segments.domain.segment.Segment;
import io.partnerportal.segments.domain.segment.SegmentKind;
import io.partnerportal.segments.domain.SegmentLevel;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Segment JSON as the contract defines it (docs/conditions.md), in and out. */
final class SegmentJson {

    private static final Set<String> FIELDS = Set.of("id", "name", "description", "level", "kind", "condition",
            "permissions", "version", "memberCount", "contactCount", "createdAt", "updatedAt", "warnings");

    private SegmentJson() {
    }

    @Serdeable
    @Schema(name = "Segment")
    record SegmentResponse(String id, String name, String description,
                           @Schema(allowableValues = {"partner", "contact"}) String level,
                           @Schema(allowableValues = {"dynamic", "static"}) String kind,
                           @Schema(description = "the condition tree (dynamic segments), see docs/conditions.md",
                                   implementation = Object.class) Object condition,
                           PermissionsJson permissions, long memberCount, long contactCount, long version,
                           Instant createdAt, Instant updatedAt, List<WarningJson> warnings) {
    }

    @Serdeable
    record PermissionsJson(Boolean inviteTeamMembers, Boolean collaborationRestricted) {
    }

    @Serdeable
    record WarningJson(String pointer, String code, String message) {
    }

    /** The documented request shape (the body is read field by field so every mistake is a 422 with a pointer). */
    @Serdeable
    @Schema(name = "SegmentRequest")
    record SegmentRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String name,
                          @Schema(maxLength = 2000) String description,
                          @Schema(allowableValues = {"partner", "contact"}, description = "fixed at creation") String level,
                          @Schema(allowableValues = {"dynamic", "static"}, description = "fixed at creation") String kind,
                          @Schema(implementation = Object.class, description = "required for dynamic segments")
                          Object condition,
                          PermissionsJson permissions,
                          @Schema(description = "the version being replaced (PUT); stale → 412") Long version) {
    }

    static SegmentResponse response(SegmentView view) {
        Segment s = view.segment();
        return new SegmentResponse(s.id(), s.name(), s.description(), s.level().jsonName(), s.kind().jsonName(),
                s.condition() == null ? null : s.condition().toJson(),
                new PermissionsJson(s.permissions().inviteTeamMembers(), s.permissions().collaborationRestricted()),
                view.memberCount(), view.contactCount(), s.version(), s.createdAt(), s.updatedAt(),
                view.warnings().stream().map(w -> new WarningJson(w.pointer(), w.code(), w.message())).toList());
    }

    /** Reads a create or replace body; structural mistakes travel with the draft into one 422. */
    static SegmentDraft draft(JsonBody body, boolean create) {
        body.allowOnly(FIELDS);
        String name = body.string("name", true, Segment.MAX_NAME_LENGTH);
        String description = body.string("description", false, Segment.MAX_DESCRIPTION_LENGTH);
        SegmentLevel level = enumField(body, "level", create, List.of("partner", "contact"))
                .map(SegmentLevel::fromJson).orElse(null);
        SegmentKind kind = enumField(body, "kind", create, List.of("dynamic", "static"))
                .map(SegmentKind::fromJson).orElse(null);
        Permissions permissions = Permissions.NONE;
        JsonBody p = body.object("permissions");
        if (p != null) {
            p.allowOnly(Set.of("inviteTeamMembers", "collaborationRestricted"));
            permissions = new Permissions(p.bool("inviteTeamMembers"), p.bool("collaborationRestricted"));
        }
        // a replacement names the version it replaces, so two admins never overwrite each other unknowingly
        Long version = body.integer("version", !create);
        List<FieldError> errors = new ArrayList<>(body.errors());
        return new SegmentDraft(name, description, level, kind, body.raw("condition"), body.has("condition"),
                permissions, version, errors);
    }

    private static java.util.Optional<String> enumField(JsonBody body, String field, boolean required,
                                                        List<String> allowed) {
        String value = body.string(field, required, 20);
        if (value == null) {
            return java.util.Optional.empty();
        }
        if (!allowed.contains(value)) {
            body.error(field, "invalid", field + " must be one of " + allowed);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(value);
    }
}
