package io.partnerportal.experiences.adapter.partners;

import io.micronaut.runtime.event.annotation.EventListener;
import io.partnerportal.common.Actor;
import io.partnerportal.common.jdbc.AfterCommit;
import io.partnerportal.experiences.application.ExperienceAdministration;
import io.partnerportal.experiences.application.FormAdministration;
import io.partnerportal.partners.api.event.DemoDataLoaded;
import io.partnerportal.segments.api.SegmentDirectory;
import io.partnerportal.segments.api.SegmentSummary;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal of the help-center examples (seeds 000, 002, 004), built when partners has just loaded its
 * demo dataset: a "Terms &amp; conditions" form that moves a prospecting partner to {@code signed_contract},
 * and the default experience's tabs — Getting started for prospects, Deals and Co-marketing once signed,
 * Resources and Company profile for everyone, Technical docs for solutions engineers — published.
 * <p>
 * Right after the loading transaction commits, in a transaction of its own ({@link AfterCommit}), through
 * the admin use cases (validation, audit) with the system actor {@code demo-data}. The segments come from
 * the segments module's demo configuration, which runs before; they are found by name through
 * {@link SegmentDirectory#findByName}.
 */
@Singleton
class DemoExperience {

    private static final Actor DEMO = Actor.system("demo-data");
    private static final String DOCS = "https://docs.partner-portal.example/";

    private final ExperienceAdministration experiences;
    private final FormAdministration forms;
    private final SegmentDirectory segments;
    private final AfterCommit afterCommit;

    DemoExperience(ExperienceAdministration experiences, FormAdministration forms, SegmentDirectory segments,
                   AfterCommit afterCommit) {
        this.experiences = experiences;
        this.forms = forms;
        this.segments = segments;
        this.afterCommit = afterCommit;
    }

    @EventListener
    void onDemoData(DemoDataLoaded event) {
        afterCommit.run("building the demo experience", 0, this::buildPortal);
    }

    private void buildPortal() {
        Map<String, Object> prospects = audience("Prospecting");
        Map<String, Object> signedOrActive = audience("Signed contract", "Active partners");
        Map<String, Object> everyone = Map.of("type", "everyone");

        String terms = forms.create(Map.of(
                "name", "Terms & conditions",
                "fields", List.of(
                        Map.of("key", "accept", "label", "I accept the partner terms and conditions",
                                "type", "checkbox", "required", true),
                        Map.of("key", "signer", "label", "Your name", "type", "text")),
                "mappings", List.of(Map.of("property", "partner.onboarding_phase", "value", "signed_contract")),
                "submitAudience", prospects), DEMO).id();

        String portal = experiences.list().stream().filter(v -> v.experience().isDefault()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the default experience is missing")).experience().id();
        experiences.edit(portal, Map.of("name", "Partner portal"), null, DEMO);
        tab(portal, "Getting started", "getting-started", "rocket", prospects, List.of(),
                text("Welcome to the partner program! Accept the partner terms below to unlock deal registration "
                        + "and co-marketing."),
                Map.of("type", "form", "formId", terms),
                links("Partner onboarding course", "onboarding-course", "Product overview", "product-overview"));
        tab(portal, "Deals", "deals", "handshake", signedOrActive, List.of(),
                text("Register your deals and follow them with your partner manager."),
                links("How deal registration works", "deal-registration", "Rules of engagement",
                        "rules-of-engagement"));
        tab(portal, "Co-marketing", "co-marketing", "megaphone", signedOrActive, List.of(),
                text("Campaign kits and brand assets for joint marketing."),
                Map.of("type", "files", "files", List.of(
                        Map.of("name", "Co-branded pitch deck", "url", DOCS + "files/pitch-deck.pptx"),
                        Map.of("name", "Brand guidelines", "url", DOCS + "files/brand-guidelines.pdf"))));
        tab(portal, "Resources", "resources", "book", everyone, List.of(),
                links("Product documentation", "docs", "Price list", "price-list", "Partner program guide",
                        "program-guide"));
        tab(portal, "Company profile", "company-profile", "building", everyone, List.of(),
                Map.of("type", "partner_profile"));
        tab(portal, "Technical docs", "technical-docs", "wrench", everyone, List.of("solutions_engineer"),
                text("Architecture guides and integration recipes for solutions engineers."),
                links("Integration guide", "integration-guide", "API reference", "api-reference"));
        experiences.publish(portal, Map.of(), null, DEMO);
    }

    /** The audience of the named demo segments (created by the segments module's demo listener). */
    private Map<String, Object> audience(String... names) {
        List<String> ids = Arrays.stream(names).map(name -> segments.findByName(name)
                .map(SegmentSummary::id)
                .orElseThrow(() -> new IllegalStateException("the demo segment '" + name + "' is missing"))).toList();
        return Map.of("type", "segments", "segmentIds", ids);
    }

    @SafeVarargs
    private void tab(String experienceId, String title, String slug, String icon, Map<String, Object> audience,
                     List<String> roles, Map<String, Object>... sections) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("slug", slug);
        body.put("icon", icon);
        body.put("sections", List.of(sections));
        body.put("visibility", Map.of("audience", audience, "roles", roles));
        experiences.addTab(experienceId, body, null, DEMO);
    }

    private static Map<String, Object> text(String content) {
        return Map.of("type", "rich_text", "content", content);
    }

    /** A links section from label/path pairs under the demo documentation site. */
    private static Map<String, Object> links(String... labelsAndPaths) {
        List<Map<String, Object>> links = new ArrayList<>();
        for (int i = 0; i < labelsAndPaths.length; i += 2) {
            links.add(Map.of("label", labelsAndPaths[i], "url", DOCS + labelsAndPaths[i + 1]));
        }
        return Map.of("type", "links", "links", links);
    }
}
