package io.partnerportal.experiences.domain;

import io.partnerportal.common.ConflictException;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.Fields;
import io.partnerportal.common.JsonPointer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How requests turn into experience content: what a new experience, an edit of its name, priority or
 * audience, and a tab must look like; every problem at once, with pointers into the request body.
 * Whether named segments, roles and forms exist is checked by the use case (they live elsewhere).
 */
public final class ExperienceRules {

    public static final int MAX_PRIORITY = 1_000_000;
    public static final Pattern ROLE_KEY = Pattern.compile("^[a-z][a-z0-9_]{0,49}$");

    private static final Set<String> EXPERIENCE_FIELDS = Set.of("name", "priority", "audience", "version", "id",
            "isDefault", "tabs", "publishedVersion", "hasUnpublishedChanges", "createdAt", "updatedAt");
    private static final Set<String> TAB_FIELDS = Set.of("title", "slug", "icon", "sections", "visibility", "position",
            "version", "id");

    private ExperienceRules() {
    }

    /** A new (never default) experience: name, priority and audience; it starts without tabs. */
    public static ExperienceContent newExperience(Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        Fields f = new Fields(body, "", errors);
        f.allowOnly(Set.of("name", "priority", "audience"));
        String name = f.string("name", true, ExperienceContent.MAX_NAME);
        Integer priority = f.integer("priority", true, 0, MAX_PRIORITY);
        SegmentGate audience = f.has("audience") ? SegmentGate.fromJson(f.raw("audience"), "/audience", errors)
                : SegmentGate.EVERYONE;
        Fields.failOn(errors);
        return new ExperienceContent(name, priority, audience, List.of());
    }

    /** The draft after an edit of its name, priority or audience (the default's priority and audience are fixed). */
    public static ExperienceContent edit(Experience current, Map<String, Object> patch) {
        List<FieldError> errors = new ArrayList<>();
        Fields f = new Fields(patch, "", errors);
        f.allowOnly(EXPERIENCE_FIELDS);
        // read-only members (id, isDefault, publishedVersion, ...) are ignored; tabs have their own resource
        if (f.has("tabs")) {
            f.error("tabs", "read_only", "edit tabs under /api/admin/experiences/{id}/tabs");
        }
        ExperienceContent draft = current.draft();
        String name = f.has("name") ? f.string("name", true, ExperienceContent.MAX_NAME) : draft.name();
        Integer priority = draft.priority();
        SegmentGate audience = draft.audience();
        if (current.isDefault()) {
            if (f.has("priority") && f.raw("priority") != null) {
                f.error("priority", "read_only", "the default experience has no priority: it is served when no "
                        + "other experience admits the contact");
            }
            if (f.has("audience") && !SegmentGate.EVERYONE.toJson().equals(f.raw("audience"))) {
                f.error("audience", "read_only", "the default experience is for everyone");
            }
        } else {
            if (f.has("priority")) {
                priority = f.integer("priority", true, 0, MAX_PRIORITY);
            }
            if (f.has("audience")) {
                audience = SegmentGate.fromJson(f.raw("audience"), "/audience", errors);
            }
        }
        Fields.failOn(errors);
        return draft.with(name, priority, audience);
    }

    /**
     * A tab from a create or replace body, placed among the experience's other tabs (slugs unique).
     *
     * @param id        the tab's id (new or kept)
     * @param siblings  the experience's other tabs (without the one replaced)
     */
    public static Tab tab(String id, Map<String, Object> body, List<Tab> siblings) {
        List<FieldError> errors = new ArrayList<>();
        Fields f = new Fields(body, "", errors);
        f.allowOnly(TAB_FIELDS);
        String title = f.string("title", true, Tab.MAX_TITLE);
        String slug = f.string("slug", true, Tab.MAX_SLUG);
        if (slug != null && !Tab.SLUG.matcher(slug).matches()) {
            f.error("slug", "invalid_slug", "a slug is lower-case letters and digits in words joined by '-' "
                    + "(getting-started)");
            slug = null;
        }
        if (slug != null) {
            for (Tab other : siblings) {
                if (other.slug().equals(slug)) {
                    throw new ConflictException("The tab '" + other.title() + "' of this experience has the slug '"
                            + slug + "' already.", Map.of("pointer", "/slug", "tabId", other.id()));
                }
            }
        }
        String icon = f.string("icon", false, Tab.MAX_ICON);
        List<Section> sections = new ArrayList<>();
        List<?> rawSections = f.list("sections", false, Tab.MAX_SECTIONS);
        if (rawSections != null) {
            for (int i = 0; i < rawSections.size(); i++) {
                Section s = Section.fromJson(rawSections.get(i), JsonPointer.append("/sections", i), errors);
                if (s != null) {
                    sections.add(s);
                }
            }
        }
        SegmentGate audience = SegmentGate.EVERYONE;
        List<String> roles = List.of();
        if (f.has("visibility")) {
            Fields v = Fields.of(f.raw("visibility"), "/visibility", errors);
            if (v != null) {
                v.allowOnly(Set.of("audience", "roles"));
                if (v.has("audience")) {
                    audience = SegmentGate.fromJson(v.raw("audience"), "/visibility/audience", errors);
                }
                roles = roleKeys(v, errors);
            }
        }
        Fields.failOn(errors);
        return new Tab(id, title, slug, icon, sections, audience, roles);
    }

    /** Reads stored content back (it was checked when saved). */
    @SuppressWarnings("unchecked")
    public static ExperienceContent stored(Map<String, Object> json) {
        List<FieldError> errors = new ArrayList<>();
        Fields f = new Fields(json, "", errors);
        String name = f.string("name", true, ExperienceContent.MAX_NAME);
        Integer priority = f.raw("priority") == null ? null : f.integer("priority", true, 0, MAX_PRIORITY);
        SegmentGate audience = SegmentGate.fromJson(f.raw("audience"), "/audience", errors);
        List<Tab> tabs = new ArrayList<>();
        List<?> raw = f.list("tabs", true, Integer.MAX_VALUE);
        if (raw != null) {
            for (Object t : raw) {
                Map<String, Object> tab = (Map<String, Object>) t;
                tabs.add(tab(String.valueOf(tab.get("id")), tab, List.of()));
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("stored experience content is unreadable: " + errors);
        }
        return new ExperienceContent(name, priority, audience, tabs);
    }

    /** Checks the whole draft's limits after a change (tab count, total text). */
    public static void checkLimits(ExperienceContent content) {
        if (content.tabs().size() > ExperienceContent.MAX_TABS) {
            throw new ConflictException("An experience holds at most " + ExperienceContent.MAX_TABS + " tabs.");
        }
        long text = content.tabs().stream().flatMap(t -> t.sections().stream())
                .filter(s -> s instanceof Section.RichText).mapToLong(s -> ((Section.RichText) s).content().length())
                .sum();
        if (text > ExperienceContent.MAX_TOTAL_TEXT) {
            throw new ConflictException("The rich text of one experience is at most "
                    + ExperienceContent.MAX_TOTAL_TEXT + " characters in all; this change would make it " + text + ".");
        }
    }

    private static List<String> roleKeys(Fields v, List<FieldError> errors) {
        List<?> raw = v.list("roles", false, Tab.MAX_ROLES);
        if (raw == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i) instanceof String s && ROLE_KEY.matcher(s).matches()) {
                if (seen.add(s)) {
                    keys.add(s);
                }
            } else {
                errors.add(FieldError.at(JsonPointer.append(v.pointer("roles"), i), "wrong_value_type",
                        "a role key (lower-case letters, digits and '_')"));
            }
        }
        return keys;
    }
}
