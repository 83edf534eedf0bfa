package io.partnerportal.experiences.application;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.experiences.application.PublishedExperiences.ServedExperience;
import io.partnerportal.experiences.application.port.AudienceAccess;
import io.partnerportal.experiences.application.port.Directory;
import io.partnerportal.experiences.application.port.ExperienceStore;
import io.partnerportal.experiences.application.port.FormStore;
import io.partnerportal.experiences.application.port.RoleLookup;
import io.partnerportal.experiences.domain.Experience;
import io.partnerportal.experiences.domain.ExperienceContent;
import io.partnerportal.experiences.domain.PublishedVersion;
import io.partnerportal.experiences.domain.SegmentGate;
import io.partnerportal.experiences.domain.Tab;
import io.partnerportal.experiences.domain.TabVisibility;
import io.partnerportal.experiences.domain.form.Form;
import io.partnerportal.experiences.domain.form.PropertyMapping;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Explains access: the admin's preview of an experience as a contact (each tab visible or hidden and
 * why — the lock icons), each gated item for the contact's access page, and where a segment, a role or
 * a property is used (the guards that refuse deleting what is in use).
 */
@Singleton
public class AccessExplanation {

    /** The preview of one experience version as one contact. */
    public record Preview(Experience experience, String version, String contactId, String roleKey, String roleName,
                          boolean audienceAdmits, String audienceReason, String servedExperienceId,
                          String servedExperienceName, List<TabPreview> tabs) {
    }

    public record TabPreview(Tab tab, TabVisibility.Decision decision) {
    }

    /** One gated item decided for a contact. */
    public record ItemDecision(String kind, String id, String name, boolean allowed, String reason) {
    }

    /** One place something is used. */
    public record Usage(String kind, String id, String name, String detail) {
    }

    private final ExperienceStore experiences;
    private final FormStore forms;
    private final PublishedExperiences published;
    private final AudienceAccess audiences;
    private final RoleLookup roles;
    private final Directory directory;

    AccessExplanation(ExperienceStore experiences, FormStore forms, PublishedExperiences published,
                      AudienceAccess audiences, RoleLookup roles, Directory directory) {
        this.experiences = experiences;
        this.forms = forms;
        this.published = published;
        this.audiences = audiences;
        this.roles = roles;
        this.directory = directory;
    }

    /** @param version {@code draft} or {@code published} */
    @Transactional
    public Preview preview(String experienceId, String contactId, String version) {
        Experience experience = experiences.find(experienceId, false)
                .orElseThrow(() -> NotFoundException.of("Experience", experienceId));
        if (contactId == null || contactId.isBlank()) {
            throw InvalidInputException.parameter("contactId", "required", "contactId names the contact to preview as");
        }
        directory.partnerOf(contactId).orElseThrow(() -> InvalidInputException.parameter("contactId",
                "unknown_contact", "there is no contact " + contactId));
        String which = version == null ? "draft" : version;
        ExperienceContent content;
        String label;
        if (which.equals("draft")) {
            content = experience.draft();
            label = "draft";
        } else if (which.equals("published")) {
            if (experience.publishedVersion() == null) {
                throw InvalidInputException.parameter("version", "not_published", "this experience was never published");
            }
            content = experiences.version(experienceId, experience.publishedVersion()).map(PublishedVersion::content)
                    .orElseThrow();
            label = String.valueOf(experience.publishedVersion());
        } else {
            throw InvalidInputException.parameter("version", "unknown_option", "version is draft or published");
        }
        String role = roles.currentRoleOf(contactId);
        Map<String, String> roleNames = roles.roleNames();
        Set<String> segments = audiences.segmentsOf(contactId);
        Map<String, String> names = audiences.names(content.segmentIds());
        boolean admits = experience.isDefault() || audiences.admits(contactId, content.audience());
        String audienceReason = experience.isDefault() ? "the default experience: for everyone no other admits"
                : reason(content.audience(), admits, segments, names);
        List<TabPreview> tabs = new ArrayList<>();
        for (Tab tab : content.tabs()) {
            boolean admitted = audiences.admits(contactId, tab.audience());
            tabs.add(new TabPreview(tab, TabVisibility.decide(tab, admitted, segments, role, names, roleNames)));
        }
        ServedExperience served = published.experienceOf(contactId);
        return new Preview(experience, label, contactId, role, roleNames.getOrDefault(role, role), admits,
                audienceReason, served.id(), served.name(), tabs);
    }

    /** Every experience, tab and form decided for the contact, with the reason. */
    @Transactional
    public List<ItemDecision> describe(String contactId) {
        String role = roles.currentRoleOf(contactId);
        Map<String, String> roleNames = roles.roleNames();
        Set<String> segments = audiences.segmentsOf(contactId);
        ServedExperience served = published.experienceOf(contactId);
        List<ItemDecision> out = new ArrayList<>();
        for (ServedExperience e : published.all()) {
            boolean isServed = e.id().equals(served.id());
            out.add(new ItemDecision("experience", e.id(), e.name(), isServed, isServed
                    ? (e.isDefault() ? "served: no experience with a priority admits the contact" : "served: the "
                    + "first experience by priority whose audience admits the contact")
                    : "not served: the contact gets " + served.name()));
            Set<String> ids = new HashSet<>();
            e.tabs().forEach(t -> ids.addAll(t.tab().audience().segmentIds()));
            Map<String, String> names = audiences.names(ids);
            for (PublishedExperiences.ServedTab t : e.tabs()) {
                TabVisibility.Decision d = TabVisibility.decide(t.tab(), t.audience().admits(contactId), segments,
                        role, names, roleNames);
                out.add(new ItemDecision("tab", t.tab().id(), t.tab().title() + " (" + e.name() + ")",
                        isServed && d.visible(), isServed ? d.reason()
                        : "hidden: in experience " + e.name() + ", which the contact does not get (" + d.reason() + ")"));
            }
        }
        for (Form form : forms.all()) {
            boolean allowed = audiences.admits(contactId, form.submitAudience());
            out.add(new ItemDecision("form", form.id(), form.name(), allowed, (allowed ? "may submit: " : "may not "
                    + "submit: ") + reason(form.submitAudience(), allowed, segments,
                    audiences.names(form.submitAudience().segmentIds()))));
        }
        return out;
    }

    /** Where a segment is used: experience audiences, tab audiences (draft and published), form audiences. */
    @Transactional
    public List<Usage> segmentUsages(String segmentId) {
        List<Usage> found = new ArrayList<>();
        for (Experience e : experiences.all()) {
            for (Map.Entry<String, ExperienceContent> c : contents(e).entrySet()) {
                ExperienceContent content = c.getValue();
                if (content.audience().segmentIds().contains(segmentId)) {
                    found.add(new Usage("experience", e.id(), content.name(), "audience of experience "
                            + content.name() + " (" + c.getKey() + ")"));
                }
                for (Tab tab : content.tabs()) {
                    if (tab.audience().segmentIds().contains(segmentId)) {
                        found.add(new Usage("tab", tab.id(), tab.title(), "visibility of tab " + tab.title()
                                + " in experience " + content.name() + " (" + c.getKey() + ")"));
                    }
                }
            }
        }
        for (Form form : forms.all()) {
            if (form.submitAudience().segmentIds().contains(segmentId)) {
                found.add(new Usage("form", form.id(), form.name(), "who may submit form " + form.name()));
            }
        }
        return found;
    }

    /** Where a role key is used: tab role lists (draft and published). */
    @Transactional
    public List<Usage> roleUsages(String roleKey) {
        List<Usage> found = new ArrayList<>();
        for (Experience e : experiences.all()) {
            for (Map.Entry<String, ExperienceContent> c : contents(e).entrySet()) {
                for (Tab tab : c.getValue().tabs()) {
                    if (tab.roles().contains(roleKey)) {
                        found.add(new Usage("tab", tab.id(), tab.title(), "role list of tab " + tab.title()
                                + " in experience " + c.getValue().name() + " (" + c.getKey() + ")"));
                    }
                }
            }
        }
        return found;
    }

    /** Where a property (or one of its options) is written by a form mapping. */
    @Transactional
    public List<Usage> propertyUsages(String qualifiedKey, String optionKey) {
        List<Usage> found = new ArrayList<>();
        for (Form form : forms.all()) {
            for (int i = 0; i < form.mappings().size(); i++) {
                PropertyMapping m = form.mappings().get(i);
                if (!m.property().equals(qualifiedKey)) {
                    continue;
                }
                boolean uses = optionKey == null || usesOption(form, m, optionKey);
                if (uses) {
                    found.add(new Usage("form", form.id(), form.name(), "mapping /mappings/" + i + " of form "
                            + form.name()));
                }
            }
        }
        return found;
    }

    /** Which experiences, tabs and forms name a form (a form in use cannot be deleted). */
    @Transactional
    public List<Usage> formUsages(String formId) {
        List<Usage> found = new ArrayList<>();
        for (Experience e : experiences.all()) {
            for (Map.Entry<String, ExperienceContent> c : contents(e).entrySet()) {
                for (Tab tab : c.getValue().tabs()) {
                    if (tab.formIds().contains(formId)) {
                        found.add(new Usage("tab", tab.id(), tab.title(), "a section of tab " + tab.title()
                                + " in experience " + c.getValue().name() + " (" + c.getKey() + ")"));
                    }
                }
            }
        }
        return found;
    }

    private static boolean usesOption(Form form, PropertyMapping m, String optionKey) {
        if (m instanceof PropertyMapping.FixedValue f) {
            return optionKey.equals(f.value()) || (f.value() instanceof Collection<?> c && c.contains(optionKey));
        }
        PropertyMapping.FromField f = (PropertyMapping.FromField) m;
        return form.field(f.field()).map(field -> field.hasOption(optionKey)).orElse(false);
    }

    /** The draft and the published version (when it differs), labelled. */
    private Map<String, ExperienceContent> contents(Experience e) {
        Map<String, ExperienceContent> out = new LinkedHashMap<>();
        out.put("draft", e.draft());
        if (e.publishedVersion() != null) {
            experiences.version(e.id(), e.publishedVersion()).ifPresent(v -> {
                if (!v.content().equals(e.draft())) {
                    out.put("published version " + v.version(), v.content());
                }
            });
        }
        return out;
    }

    private static String reason(SegmentGate gate, boolean admitted, Set<String> segments, Map<String, String> names) {
        if (gate instanceof SegmentGate.AnyOf any) {
            if (admitted) {
                return "in segment " + String.join(", ", any.segmentIds().stream().filter(segments::contains)
                        .map(id -> names.getOrDefault(id, id)).toList());
            }
            return "not in any of: " + String.join(", ", any.segmentIds().stream()
                    .map(id -> names.getOrDefault(id, "(deleted segment " + id + ")")).toList());
        }
        return "everyone";
    }
}
