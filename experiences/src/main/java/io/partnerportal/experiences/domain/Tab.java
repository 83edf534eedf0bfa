package io.partnerportal.experiences.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tab of an experience: its title, URL slug (unique in the experience), icon, ordered sections, and
 * its visibility — an audience and a role allow-list (empty: every role). Visible to a contact when
 * the role list is empty or holds the contact's effective role, and the audience admits the contact.
 */
public record Tab(String id, String title, String slug, String icon, List<Section> sections, SegmentGate audience,
                  List<String> roles) {

    public static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    public static final int MAX_TITLE = 200;
    public static final int MAX_SLUG = 100;
    public static final int MAX_ICON = 100;
    public static final int MAX_SECTIONS = 50;
    public static final int MAX_ROLES = 100;

    public Tab {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("not a slug: " + slug);
        }
        sections = List.copyOf(sections);
        Objects.requireNonNull(audience, "audience");
        roles = List.copyOf(roles);
    }

    /** The sections that name a form. */
    public List<String> formIds() {
        return sections.stream().filter(s -> s instanceof Section.FormRef).map(s -> ((Section.FormRef) s).formId())
                .toList();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("title", title);
        json.put("slug", slug);
        json.put("icon", icon);
        json.put("sections", sections.stream().map(Section::toJson).toList());
        Map<String, Object> visibility = new LinkedHashMap<>();
        visibility.put("audience", audience.toJson());
        visibility.put("roles", roles);
        json.put("visibility", visibility);
        return json;
    }
}
