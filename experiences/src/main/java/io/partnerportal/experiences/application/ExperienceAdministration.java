package io.partnerportal.experiences.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConfigurationChanged;
import io.partnerportal.common.ConflictException;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.StaleVersionException;
import io.partnerportal.common.jdbc.ChangeNotifications;
import io.partnerportal.experiences.application.port.ExperienceStore;
import io.partnerportal.experiences.domain.Experience;
import io.partnerportal.experiences.domain.ExperienceContent;
import io.partnerportal.experiences.domain.ExperienceRules;
import io.partnerportal.experiences.domain.PublishedVersion;
import io.partnerportal.experiences.domain.Tab;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The admin's use cases on experiences: edit a draft (the experience's name, priority, audience and
 * its tabs), publish it atomically as a new version, restore an older version. Portal users only ever
 * see published versions. Every change is audited; a publication reaches every instance's in-memory
 * copy (see {@link PublishedExperiences}).
 */
@Singleton
public class ExperienceAdministration {

    public static final int MAX_EXPERIENCES = 100;

    /** An experience with whether its draft differs from what is published. */
    public record ExperienceView(Experience experience, boolean unpublishedChanges) {
    }

    private final ExperienceStore store;
    private final References references;
    private final ApplicationEventPublisher<ConfigurationChanged> audit;
    private final ApplicationEventPublisher<PublicationChanged> publications;
    private final ChangeNotifications notifications;

    ExperienceAdministration(ExperienceStore store, References references,
                             ApplicationEventPublisher<ConfigurationChanged> audit,
                             ApplicationEventPublisher<PublicationChanged> publications,
                             ChangeNotifications notifications) {
        this.store = store;
        this.references = references;
        this.audit = audit;
        this.publications = publications;
        this.notifications = notifications;
    }

    @Transactional
    public List<ExperienceView> list() {
        return store.all().stream().map(this::view).toList();
    }

    @Transactional
    public ExperienceView get(String id) {
        return view(require(id, false));
    }

    @Transactional
    public ExperienceView create(Map<String, Object> body, Actor actor) {
        ExperienceContent draft = ExperienceRules.newExperience(body);
        references.requireAudience(draft.audience(), "/audience");
        if (store.all().size() >= MAX_EXPERIENCES) {
            throw new ConflictException("There are " + MAX_EXPERIENCES + " experiences already, the most kept.");
        }
        Instant now = now();
        Experience experience = new Experience(UUID.randomUUID().toString(), false, draft, 1, null, now, now);
        store.insert(experience);
        audit.publishEvent(new ConfigurationChanged("experience", experience.id(), draft.name(), "created", null,
                snapshot(experience), actor, null));
        return new ExperienceView(experience, true);
    }

    /** Changes the draft's name, priority or audience. */
    @Transactional
    public ExperienceView edit(String id, Map<String, Object> patch, Long ifMatch, Actor actor) {
        Experience current = require(id, true);
        checkRevision(current, ifMatch, patch);
        ExperienceContent draft = ExperienceRules.edit(current, patch);
        references.requireAudience(draft.audience(), "/audience");
        if (draft.equals(current.draft())) {
            return view(current);
        }
        Experience next = current.withDraft(draft, now());
        store.saveDraft(next);
        audit.publishEvent(new ConfigurationChanged("experience", id, draft.name(), "updated", snapshot(current),
                snapshot(next), actor, null));
        return view(next);
    }

    /** Deletes an experience (never the default); its contacts get the next experience that admits them. */
    @Transactional
    public void delete(String id, Actor actor) {
        Experience current = require(id, true);
        if (current.isDefault()) {
            throw new ConflictException("The default experience cannot be deleted: it is served to every contact no "
                    + "other experience admits.");
        }
        store.delete(id);
        if (current.publishedVersion() != null) {
            publicationChanged();
        }
        audit.publishEvent(new ConfigurationChanged("experience", id, current.draft().name(), "deleted",
                snapshot(current), null, actor, null));
    }

    // --- tabs of the draft ---

    @Transactional
    public List<Tab> tabs(String id) {
        return require(id, false).draft().tabs();
    }

    @Transactional
    public Tab tab(String id, String tabId) {
        return require(id, false).draft().tab(tabId).orElseThrow(() -> NotFoundException.of("Tab", tabId));
    }

    @Transactional
    public Tab addTab(String id, Map<String, Object> body, Long ifMatch, Actor actor) {
        Experience current = require(id, true);
        checkRevision(current, ifMatch, body);
        List<Tab> tabs = new ArrayList<>(current.draft().tabs());
        Tab tab = ExperienceRules.tab(UUID.randomUUID().toString(), body, tabs);
        references.requireTab(tab);
        tabs.add(position(body, tabs.size()), tab);
        saveTabs(current, tabs);
        audit.publishEvent(new ConfigurationChanged("tab", tab.id(), tab.title(), "created", null,
                tabSnapshot(id, current.draft().name(), tab), actor, null));
        return tab;
    }

    @Transactional
    public Tab replaceTab(String id, String tabId, Map<String, Object> body, Long ifMatch, Actor actor) {
        Experience current = require(id, true);
        Tab before = current.draft().tab(tabId).orElseThrow(() -> NotFoundException.of("Tab", tabId));
        checkRevision(current, ifMatch, body);
        List<Tab> others = new ArrayList<>(current.draft().tabs());
        int index = others.indexOf(before);
        others.remove(index);
        Tab tab = ExperienceRules.tab(tabId, body, others);
        references.requireTab(tab);
        others.add(body.containsKey("position") ? position(body, others.size()) : index, tab);
        if (tab.equals(before) && others.equals(current.draft().tabs())) {
            return before;
        }
        saveTabs(current, others);
        audit.publishEvent(new ConfigurationChanged("tab", tabId, tab.title(), "updated",
                tabSnapshot(id, current.draft().name(), before), tabSnapshot(id, current.draft().name(), tab), actor,
                null));
        return tab;
    }

    @Transactional
    public void deleteTab(String id, String tabId, Long ifMatch, Actor actor) {
        Experience current = require(id, true);
        Tab before = current.draft().tab(tabId).orElseThrow(() -> NotFoundException.of("Tab", tabId));
        checkRevision(current, ifMatch, Map.of());
        List<Tab> tabs = new ArrayList<>(current.draft().tabs());
        tabs.remove(before);
        saveTabs(current, tabs);
        audit.publishEvent(new ConfigurationChanged("tab", tabId, before.title(), "deleted",
                tabSnapshot(id, current.draft().name(), before), null, actor, null));
    }

    /** Puts the draft's tabs in the given order ({@code tabIds}: every tab exactly once). */
    @Transactional
    public List<Tab> reorder(String id, Map<String, Object> body, Long ifMatch, Actor actor) {
        Experience current = require(id, true);
        checkRevision(current, ifMatch, body);
        Object raw = body.get("tabIds");
        List<Tab> tabs = current.draft().tabs();
        List<Tab> ordered = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (!(raw instanceof List<?> ids)) {
            throw InvalidInputException.of("/tabIds", "required", "tabIds lists every tab id of the draft in the new "
                    + "order");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Object tabId = ids.get(i);
            Optional<Tab> tab = tabId instanceof String s ? current.draft().tab(s) : Optional.empty();
            if (tab.isEmpty() || !seen.add(tab.get().id())) {
                errors.add(FieldError.at("/tabIds/" + i, tab.isEmpty() ? "unknown_tab" : "duplicate",
                        tab.isEmpty() ? "not a tab of this experience" : "this tab is listed twice"));
            } else {
                ordered.add(tab.get());
            }
        }
        if (errors.isEmpty() && ordered.size() != tabs.size()) {
            errors.add(FieldError.at("/tabIds", "incomplete", "list every tab of the draft (" + tabs.size() + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!ordered.equals(tabs)) {
            saveTabs(current, ordered);
            audit.publishEvent(new ConfigurationChanged("experience", id, current.draft().name(), "tabs_reordered",
                    Map.of("tabIds", tabs.stream().map(Tab::id).toList()),
                    Map.of("tabIds", ordered.stream().map(Tab::id).toList()), actor, null));
        }
        return ordered;
    }

    // --- publication ---

    /**
     * Publishes the draft as a new version, atomically: portal users see the previous version until the
     * commit and this one from their next request. A draft equal to the published version publishes nothing.
     */
    @Transactional
    public PublishedVersion publish(String id, Map<String, Object> body, Long ifMatch, Actor actor) {
        Experience current = require(id, true);
        checkRevision(current, ifMatch, body);
        Optional<PublishedVersion> live = live(current);
        if (live.isPresent() && live.get().content().equals(current.draft())) {
            return live.get();
        }
        List<String> missing = references.missing(current.draft());
        if (!missing.isEmpty()) {
            throw new ConflictException("The draft names what no longer exists: " + String.join(", ", missing) + ".",
                    Map.of("missing", missing));
        }
        PublishedVersion version = new PublishedVersion(id, nextVersion(id), current.draft(), now(), actor.display(),
                null);
        store.publish(version);
        publicationChanged();
        audit.publishEvent(new ConfigurationChanged("experience", id, current.draft().name(), "published",
                live.map(ExperienceAdministration::publicationSnapshot).orElse(null), publicationSnapshot(version),
                actor, null));
        return version;
    }

    @Transactional
    public List<PublishedVersion> versions(String id) {
        require(id, false);
        return store.versions(id);
    }

    @Transactional
    public PublishedVersion version(String id, int version) {
        require(id, false);
        return store.version(id, version).orElseThrow(() -> new NotFoundException("Experience " + id
                + " has no version " + version + "."));
    }

    /**
     * Publishes an older version again (by default the one before the current) as a new version, and makes
     * it the draft too. Refused (409) when it names segments, roles or forms that no longer exist.
     */
    @Transactional
    public PublishedVersion restore(String id, Map<String, Object> body, Actor actor) {
        Experience current = require(id, true);
        checkRevision(current, null, body);
        Object raw = body.get("toVersion");
        Integer wanted = null;
        if (raw instanceof Number n && n.doubleValue() == n.intValue()) {
            wanted = n.intValue();
        }
        if (body.containsKey("toVersion") && wanted == null) {
            throw InvalidInputException.of("/toVersion", "wrong_value_type", "toVersion is a version number");
        }
        Integer livePublished = current.publishedVersion();
        if (wanted == null) {
            if (livePublished == null) {
                throw new ConflictException("This experience was never published; there is nothing to restore.");
            }
            int before = livePublished;
            wanted = store.versions(id).stream().map(PublishedVersion::version).filter(v -> v < before)
                    .findFirst().orElseThrow(() -> new ConflictException("Version " + before + " is the first one; "
                            + "there is no previous version to restore."));
        }
        int target = wanted;
        PublishedVersion old = store.version(id, target).orElseThrow(() -> InvalidInputException.of("/toVersion",
                "unknown_version", "experience " + id + " has no version " + target));
        List<String> missing = references.missing(old.content());
        if (!missing.isEmpty()) {
            throw new ConflictException("Version " + target + " names what no longer exists: "
                    + String.join(", ", missing) + ".", Map.of("missing", missing));
        }
        PublishedVersion restored = new PublishedVersion(id, nextVersion(id), old.content(), now(), actor.display(),
                target);
        store.saveDraft(current.withDraft(old.content(), now()));
        store.publish(restored);
        publicationChanged();
        audit.publishEvent(new ConfigurationChanged("experience", id, old.content().name(), "restored",
                live(current).map(ExperienceAdministration::publicationSnapshot).orElse(null),
                publicationSnapshot(restored), actor, null));
        return restored;
    }

    private void publicationChanged() {
        long sequence = store.bumpPublication();
        notifications.send(PublishedExperiences.CHANNEL, Long.toString(sequence));
        publications.publishEvent(new PublicationChanged(sequence));
    }

    private int nextVersion(String id) {
        return store.versions(id).stream().mapToInt(PublishedVersion::version).max().orElse(0) + 1;
    }

    private Optional<PublishedVersion> live(Experience e) {
        return e.publishedVersion() == null ? Optional.empty() : store.version(e.id(), e.publishedVersion());
    }

    private void saveTabs(Experience current, List<Tab> tabs) {
        ExperienceContent draft = current.draft().withTabs(tabs);
        ExperienceRules.checkLimits(draft);
        store.saveDraft(current.withDraft(draft, now()));
    }

    private ExperienceView view(Experience e) {
        return new ExperienceView(e, live(e).map(p -> !p.content().equals(e.draft())).orElse(true));
    }

    private Experience require(String id, boolean lock) {
        return store.find(id, lock).orElseThrow(() -> NotFoundException.of("Experience", id));
    }

    /** The draft revision the caller edits ({@code version} in the body or If-Match), when it sends one. */
    private static void checkRevision(Experience current, Long ifMatch, Map<String, Object> body) {
        Object sent = body.get("version");
        if (sent != null && !(sent instanceof Number)) {
            throw InvalidInputException.of("/version", "wrong_value_type", "version is the experience's version");
        }
        for (Long expected : new Long[]{ifMatch, sent == null ? null : ((Number) sent).longValue()}) {
            if (expected != null && expected != current.revision()) {
                throw new StaleVersionException("Experience " + current.id(), expected, current.revision());
            }
        }
    }

    private static int position(Map<String, Object> body, int size) {
        Object raw = body.get("position");
        if (raw == null) {
            return size;
        }
        if (raw instanceof Number n && n.doubleValue() == n.intValue() && n.intValue() >= 0 && n.intValue() <= size) {
            return n.intValue();
        }
        throw InvalidInputException.of("/position", "out_of_range", "position is an index from 0 to " + size);
    }

    static Map<String, Object> snapshot(Experience e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("name", e.draft().name());
        json.put("priority", e.draft().priority());
        json.put("audience", e.draft().audience().toJson());
        json.put("isDefault", e.isDefault());
        json.put("version", e.revision());
        json.put("publishedVersion", e.publishedVersion());
        return json;
    }

    static Map<String, Object> tabSnapshot(String experienceId, String experienceName, Tab tab) {
        Map<String, Object> json = new LinkedHashMap<>(tab.toJson());
        json.put("experienceId", experienceId);
        json.put("experienceName", experienceName);
        return json;
    }

    /** What a publication changed for access: the version and each tab's visibility (not the content). */
    static Map<String, Object> publicationSnapshot(PublishedVersion v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", v.version());
        json.put("restoredFrom", v.restoredFrom());
        json.put("name", v.content().name());
        json.put("priority", v.content().priority());
        json.put("audience", v.content().audience().toJson());
        json.put("tabs", v.content().tabs().stream().map(t -> {
            Map<String, Object> tab = new LinkedHashMap<>();
            tab.put("id", t.id());
            tab.put("title", t.title());
            tab.put("slug", t.slug());
            tab.put("visibility", t.toJson().get("visibility"));
            return tab;
        }).toList());
        return json;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
