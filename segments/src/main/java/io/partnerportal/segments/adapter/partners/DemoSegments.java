package io.partnerportal.segments.adapter.partners;

import io.micronaut.runtime.event.annotation.EventListener;
import io.partnerportal.common.Actor;
import io.partnerportal.common.jdbc.AfterCommit;
import io.partnerportal.partners.api.event.DemoDataLoaded;
import io.partnerportal.segments.application.SegmentAdministration;
import io.partnerportal.segments.application.SegmentDraft;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.segment.Permissions;
import io.partnerportal.segments.domain.segment.SegmentKind;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * The segments of the help-center examples (seeds 000–002), created when partners has loaded its demo
 * dataset into an empty database (once per database: the dataset's advisory lock and marker), through the
 * admin use case, so conditions are validated, memberships computed and every segment audited — by the
 * system actor {@code demo-data}.
 * <p>
 * Right after the loading transaction commits, in a transaction of its own ({@link AfterCommit}): a segment
 * computes its members from the committed records (the in-memory value store learns the demo records at
 * that commit). It runs before the other modules' demo configuration ({@link #ORDER}), which names these
 * segments and finds them with {@code SegmentDirectory.findByName}.
 */
@Singleton
class DemoSegments {

    /** Before the other modules' demo configuration (order 0), which refers to these segments. */
    static final int ORDER = -100;
    private static final Actor DEMO = Actor.system("demo-data");

    private final SegmentAdministration segments;
    private final AfterCommit afterCommit;

    DemoSegments(SegmentAdministration segments, AfterCommit afterCommit) {
        this.segments = segments;
        this.afterCommit = afterCommit;
    }

    @EventListener
    void onDemoData(DemoDataLoaded event) {
        afterCommit.run("adding the demo segments", ORDER, this::createSegments);
    }

    private void createSegments() {
        String gold = partners("Gold partners", "Top-tier partner companies: tier Gold or Platinum.",
                in("partner.tier", "gold", "platinum"), Permissions.NONE);
        partners("Gold resellers in the United States", "Gold partners that resell in the United States.",
                Map.of("all", List.of(
                        in("partner.type", "reseller"),
                        Map.of("property", "partner.country", "op", "eq", "value", "United States"),
                        Map.of("op", "in_segment", "segment", gold))),
                Permissions.NONE);
        partners("Prospecting", "Partners in the prospecting phase: they see Getting started and accept the terms "
                        + "there; they may not invite colleagues yet.",
                in("partner.onboarding_phase", "prospecting"), new Permissions(false, null));
        partners("Signed contract", "Partners that accepted the terms: deals and co-marketing unlock.",
                in("partner.onboarding_phase", "signed_contract"), Permissions.NONE);
        partners("Active partners", "Partners past signing: onboarding or active.",
                in("partner.onboarding_phase", "onboarding", "active"), Permissions.NONE);
        partners("Certified or gold", "Partners that may create quotes: tier Gold or Platinum, or certified.",
                Map.of("any", List.of(in("partner.tier", "gold", "platinum"),
                        Map.of("property", "partner.certified", "op", "is_true"))),
                Permissions.NONE);
        contacts("Partner admins", "Contacts with the role Admin: they may edit their company's profile.",
                in("contact.role", "admin"), Permissions.NONE);
        contacts("Partner sales reps", "Contacts with the role Sales rep: they see only the deals they collaborate "
                + "on.", in("contact.role", "sales_rep"), new Permissions(null, true));
    }

    private String partners(String name, String description, Map<String, Object> condition, Permissions permissions) {
        return create(name, description, SegmentLevel.PARTNER, condition, permissions);
    }

    private String contacts(String name, String description, Map<String, Object> condition, Permissions permissions) {
        return create(name, description, SegmentLevel.CONTACT, condition, permissions);
    }

    private String create(String name, String description, SegmentLevel level, Map<String, Object> condition,
                          Permissions permissions) {
        return segments.create(new SegmentDraft(name, description, level, SegmentKind.DYNAMIC, condition, true,
                permissions, null, List.of()), DEMO).segment().id();
    }

    private static Map<String, Object> in(String property, String... options) {
        return Map.of("property", property, "op", "in", "values", List.of(options));
    }
}
