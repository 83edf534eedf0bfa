package io.partnerportal.profile.application.port;

import io.partnerportal.profile.domain.ProfileLayout;
import io.partnerportal.segments.api.Audience;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The admin's profile settings (one per portal): the shown properties and who may edit. */
public record ProfileSettings(ProfileLayout layout, Audience editAudience, long version, Instant updatedAt) {

    /** JSON-like, for answers and the audit log. */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("properties", layout.properties().stream().map(p -> Map.of("key", p.key(), "mode", p.mode().jsonName()))
                .toList());
        m.put("editAudience", editAudience.toJson());
        m.put("version", version);
        return m;
    }
}
