package io.partnerportal.profile.adapter.partners;

import io.micronaut.runtime.event.annotation.EventListener;
import io.partnerportal.common.Actor;
import io.partnerportal.common.jdbc.AfterCommit;
import io.partnerportal.partners.api.event.DemoDataLoaded;
import io.partnerportal.profile.application.ProfileSettingsService;
import io.partnerportal.segments.api.SegmentDirectory;
import io.partnerportal.segments.api.SegmentSummary;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The partner profile section of the help-center example (seed 004), set when partners has just loaded
 * its demo dataset: name, website, logo, tier, partner manager, partner champion and a few CRM
 * properties; the logo and the industry editable, the rest read-only; only "Partner admins" (contacts
 * with the role Admin, seed 002) may edit. The website is a system property and stays read-only here.
 * <p>
 * Right after the loading transaction commits, in a transaction of its own ({@link AfterCommit}), through
 * the admin use case (validation, audit) with the system actor {@code demo-data}. The segment comes from
 * the segments module's demo configuration, which runs before; it is found by name through
 * {@link SegmentDirectory#findByName}.
 */
@Singleton
class DemoProfile {

    private static final Actor DEMO = Actor.system("demo-data");

    private final ProfileSettingsService settings;
    private final SegmentDirectory segments;
    private final AfterCommit afterCommit;

    DemoProfile(ProfileSettingsService settings, SegmentDirectory segments, AfterCommit afterCommit) {
        this.settings = settings;
        this.segments = segments;
        this.afterCommit = afterCommit;
    }

    @EventListener
    void onDemoData(DemoDataLoaded event) {
        afterCommit.run("setting up the demo profile", 0, this::configureProfile);
    }

    private void configureProfile() {
        String admins = segments.findByName("Partner admins").map(SegmentSummary::id)
                .orElseThrow(() -> new IllegalStateException("the demo segment 'Partner admins' is missing"));
        settings.replace(Map.of(
                "properties", List.of(
                        readOnly("name"), readOnly("website"), editable("logo"), readOnly("tier"),
                        readOnly("partner_manager"), readOnly("partner_champion"),
                        readOnly("type"), editable("industry"), readOnly("country")),
                "editAudience", Map.of("type", "segments", "segmentIds", List.of(admins)),
                "version", BigDecimal.valueOf(settings.get().version())), DEMO);
    }

    private static Map<String, Object> readOnly(String key) {
        return Map.of("key", key, "mode", "read_only");
    }

    private static Map<String, Object> editable(String key) {
        return Map.of("key", key, "mode", "editable");
    }
}
