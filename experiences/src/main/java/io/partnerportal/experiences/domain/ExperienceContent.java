package io.partnerportal.experiences.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything about an experience that is drafted and published: its name, priority and audience
 * (which contacts get it) and its ordered tabs. Portal users only ever see a published copy.
 *
 * @param priority lower wins; null for the default experience (served when no other admits the contact)
 */
public record ExperienceContent(String name, Integer priority, SegmentGate audience, List<Tab> tabs) {

    public static final int MAX_NAME = 200;
    public static final int MAX_TABS = 50;
    /** All rich text of one experience together: keeps a draft (and every version) a sane size. */
    public static final int MAX_TOTAL_TEXT = 1_000_000;

    public ExperienceContent {
        tabs = List.copyOf(tabs);
    }

    public Optional<Tab> tab(String tabId) {
        return tabs.stream().filter(t -> t.id().equals(tabId)).findFirst();
    }

    public Optional<Tab> tabBySlug(String slug) {
        return tabs.stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    public ExperienceContent withTabs(List<Tab> newTabs) {
        return new ExperienceContent(name, priority, audience, newTabs);
    }

    public ExperienceContent with(String newName, Integer newPriority, SegmentGate newAudience) {
        return new ExperienceContent(newName, newPriority, newAudience, tabs);
    }

    /** Every segment this content names (its audience and its tabs'). */
    public List<String> segmentIds() {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>(audience.segmentIds());
        tabs.forEach(t -> ids.addAll(t.audience().segmentIds()));
        return List.copyOf(ids);
    }

    public List<String> roleKeys() {
        return tabs.stream().flatMap(t -> t.roles().stream()).distinct().toList();
    }

    public List<String> formIds() {
        return tabs.stream().flatMap(t -> t.formIds().stream()).distinct().toList();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("priority", priority);
        json.put("audience", audience.toJson());
        json.put("tabs", tabs.stream().map(Tab::toJson).toList());
        return json;
    }
}
