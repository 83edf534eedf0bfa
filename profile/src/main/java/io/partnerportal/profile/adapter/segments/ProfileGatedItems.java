package io.partnerportal.profile.adapter.segments;

import io.partnerportal.profile.application.ProfileSettingsService;
import io.partnerportal.segments.api.Audience;
import io.partnerportal.segments.api.SegmentAccess;
import io.partnerportal.segments.api.SegmentDirectory;
import io.partnerportal.segments.api.SegmentSummary;
import io.partnerportal.segments.spi.GatedItems;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells segments where the profile settings use a segment (the edit audience) and whether a contact
 * may edit its partner's profile, and why.
 */
@Singleton
class ProfileGatedItems implements GatedItems {

    static final String KIND = "profile_settings";
    static final String ID = "profile-settings";

    private final ProfileSettingsService settings;
    private final SegmentAccess access;
    private final SegmentDirectory directory;

    ProfileGatedItems(ProfileSettingsService settings, SegmentAccess access, SegmentDirectory directory) {
        this.settings = settings;
        this.access = access;
        this.directory = directory;
    }

    @Override
    public List<Usage> usages(String segmentId) {
        if (settings.get().editAudience() instanceof Audience.AnyOfSegments a && a.segmentIds().contains(segmentId)) {
            return List.of(new Usage(KIND, ID, "Partner profile", "who may edit the profile"));
        }
        return List.of();
    }

    @Override
    public List<Decision> describe(String contactId) {
        if (!(settings.get().editAudience() instanceof Audience.AnyOfSegments a)) {
            return List.of(new Decision("profile_edit", ID, "Edit the partner profile", true, "everyone"));
        }
        Map<String, String> names = directory.findAll(a.segmentIds()).stream()
                .collect(Collectors.toMap(SegmentSummary::id, SegmentSummary::name, (x, y) -> x));
        Set<String> mine = access.segmentsOfContact(contactId);
        List<String> admitting = a.segmentIds().stream().filter(mine::contains).toList();
        return List.of(new Decision("profile_edit", ID, "Edit the partner profile", !admitting.isEmpty(),
                admitting.isEmpty() ? "not in any of: " + a.segmentIds().stream().map(id -> names.getOrDefault(id, id))
                        .collect(Collectors.joining(", "))
                        : "segment " + names.getOrDefault(admitting.get(0), admitting.get(0))));
    }
}
