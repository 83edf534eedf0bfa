package io.partnerportal.experiences.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.experiences.application.AccessExplanation;
import io.partnerportal.experiences.application.ExperienceAdministration.ExperienceView;
import io.partnerportal.experiences.domain.Experience;
import io.partnerportal.experiences.domain.ExperienceContent;
import io.partnerportal.experiences.domain.PublishedVersion;
import io.partnerportal.experiences.domain.Section;
import io.partnerportal.experiences.domain.Tab;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Experiences, tabs, versions and previews in and out of the admin API. */
final class ExperienceJson {

    private ExperienceJson() {
    }

    @Serdeable
    @Schema(name = "Experience")
    record ExperienceResponse(String id, String name,
                              @Schema(description = "lower wins; null for the default experience") Integer priority,
                              boolean isDefault,
                              @Schema(implementation = Object.class, description = "who gets it: an Audience")
                              Map<String, Object> audience,
                              @Schema(description = "the draft's tabs, in order") List<TabResponse> tabs,
                              @Schema(description = "the draft's version: send it back (body or If-Match) to avoid "
                                      + "lost updates") long version,
                              @Schema(description = "the version portal users see; null: never published")
                              Integer publishedVersion, boolean hasUnpublishedChanges, Instant createdAt,
                              Instant updatedAt) {

        static ExperienceResponse of(ExperienceView view) {
            Experience e = view.experience();
            return new ExperienceResponse(e.id(), e.draft().name(), e.draft().priority(), e.isDefault(),
                    e.draft().audience().toJson(), e.draft().tabs().stream().map(TabResponse::of).toList(), e.revision(),
                    e.publishedVersion(), view.unpublishedChanges(), e.createdAt(), e.updatedAt());
        }
    }

    @Serdeable
    @Schema(name = "ExperienceRequest")
    record ExperienceRequest(@Schema(maxLength = 200) String name,
                             @Schema(minimum = "0", maximum = "1000000", description = "lower wins") Integer priority,
                             @Schema(implementation = Object.class, description = "an Audience; default everyone")
                             Object audience,
                             @Schema(description = "PATCH: the version being changed; stale → 412") Long version) {
    }

    @Serdeable
    @Schema(name = "Tab")
    record TabResponse(String id, String title, String slug, String icon,
                       @Schema(description = "ordered: {type: rich_text, content} | {type: links, links: [{label, url}]}"
                               + " | {type: files, files: [{name, url}]} | {type: form, formId} | {type: partner_profile}")
                       List<Map<String, Object>> sections, Visibility visibility) {

        static TabResponse of(Tab t) {
            return new TabResponse(t.id(), t.title(), t.slug(), t.icon(), t.sections().stream().map(Section::toJson)
                    .toList(), new Visibility(t.audience().toJson(), t.roles()));
        }
    }

    @Serdeable
    record Visibility(@Schema(implementation = Object.class, description = "an Audience") Map<String, Object> audience,
                      @Schema(description = "role keys allowed; empty: every role") List<String> roles) {
    }

    @Serdeable
    @Schema(name = "TabRequest")
    record TabRequest(@Schema(maxLength = 200) String title,
                      @Schema(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", description = "unique in the experience") String slug,
                      String icon, @Schema(implementation = Object.class) List<Object> sections,
                      Visibility visibility,
                      @Schema(description = "index among the tabs; default: last (create) or unchanged") Integer position,
                      @Schema(description = "the experience's version (optional); stale → 412") Long version) {
    }

    @Serdeable
    @Schema(name = "ExperienceVersion")
    record VersionResponse(int version, Instant publishedAt, String publishedBy,
                           @Schema(description = "the older version this one restored") Integer restoredFrom,
                           @Schema(description = "what portal users see now") boolean live, int tabCount) {

        static VersionResponse of(PublishedVersion v, Integer live) {
            return new VersionResponse(v.version(), v.publishedAt(), v.publishedBy(), v.restoredFrom(),
                    live != null && live == v.version(), v.content().tabs().size());
        }
    }

    @Serdeable
    @Schema(name = "ExperienceVersionContent")
    record VersionContent(int version, Instant publishedAt, String publishedBy, Integer restoredFrom, String name,
                          Integer priority, @Schema(implementation = Object.class) Map<String, Object> audience,
                          List<TabResponse> tabs) {

        static VersionContent of(PublishedVersion v) {
            ExperienceContent c = v.content();
            return new VersionContent(v.version(), v.publishedAt(), v.publishedBy(), v.restoredFrom(), c.name(),
                    c.priority(), c.audience().toJson(), c.tabs().stream().map(TabResponse::of).toList());
        }
    }

    @Serdeable
    @Schema(name = "Publication")
    record PublicationResponse(String experienceId, int version, Instant publishedAt, Integer restoredFrom) {

        static PublicationResponse of(PublishedVersion v) {
            return new PublicationResponse(v.experienceId(), v.version(), v.publishedAt(), v.restoredFrom());
        }
    }

    @Serdeable
    @Schema(name = "ExperiencePreview")
    record PreviewResponse(Ref experience, @Schema(description = "draft, or the published version number") String version,
                           PreviewContact contact, Check audience,
                           @Schema(description = "the experience this contact is served now (published versions)")
                           Ref servedExperience, List<TabPreview> tabs) {

        static PreviewResponse of(AccessExplanation.Preview p) {
            return new PreviewResponse(new Ref(p.experience().id(), p.experience().draft().name()), p.version(),
                    new PreviewContact(p.contactId(), new RoleRef(p.roleKey(), p.roleName())),
                    new Check(p.audienceAdmits(), p.audienceReason()), new Ref(p.servedExperienceId(),
                    p.servedExperienceName()), p.tabs().stream().map(t -> new TabPreview(t.tab().id(), t.tab().title(),
                    t.tab().slug(), t.decision().visible(), t.decision().reason(),
                    new Check(t.decision().admitted(), t.decision().audienceReason()),
                    new Check(t.decision().roleAllowed(), t.decision().roleReason()))).toList());
        }
    }

    @Serdeable
    record Ref(String id, String name) {
    }

    @Serdeable
    record RoleRef(String key, String name) {
    }

    @Serdeable
    record PreviewContact(String id, RoleRef role) {
    }

    @Serdeable
    record Check(boolean passed, String reason) {
    }

    @Serdeable
    record TabPreview(String id, String title, String slug, boolean visible, String reason, Check audience,
                      Check role) {
    }
}
