package io.partnerportal.profile.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.profile.application.PartnerProfiles;
import io.partnerportal.profile.application.port.ProfileSettings;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The profile API's JSON shapes. */
final class ProfileJson {

    private ProfileJson() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SettingsJson(
            @Schema(description = "the partner properties shown, in order, each {key, mode: read_only|editable}")
            List<Map<String, Object>> properties,
            @Schema(description = "who may edit the editable properties: {\"type\":\"everyone\"} or "
                    + "{\"type\":\"segments\",\"segmentIds\":[...]} (segments of any level)")
            Map<String, Object> editAudience,
            @Schema(description = "send it back with a change; stale → 412") long version,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) Instant updatedAt) {

        @SuppressWarnings("unchecked")
        static SettingsJson of(ProfileSettings s) {
            Map<String, Object> snapshot = s.snapshot();
            return new SettingsJson((List<Map<String, Object>>) snapshot.get("properties"), s.editAudience().toJson(),
                    s.version(), s.updatedAt());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ProfileResponse(String partnerId, String partnerName,
                           @Schema(description = "whether this contact may change at least one property") boolean canEdit,
                           List<FieldJson> properties) {

        static ProfileResponse of(PartnerProfiles.Profile p) {
            return new ProfileResponse(p.partnerId(), p.partnerName(), p.canEdit(),
                    p.properties().stream().map(FieldJson::of).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FieldJson(String key, String label, String type,
                     @Schema(description = "option keys and labels of enum and multi_enum properties")
                     List<Map<String, String>> options,
                     @Schema(description = "the value; null when unset") Object value,
                     @Schema(description = "whether this contact may change it") boolean editable) {

        static FieldJson of(PartnerProfiles.Field f) {
            return new FieldJson(f.key(), f.label(), f.type(), f.options(), f.value(), f.editable());
        }
    }

    @Serdeable
    record EditJson(@Schema(description = "property keys and new values (null unsets)") Map<String, Object> properties) {
    }
}
