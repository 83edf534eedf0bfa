package io.partnerportal.experiences.application;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.partnerportal.common.Readiness;
import io.partnerportal.common.jdbc.ChangeNotifications;
import io.partnerportal.experiences.application.port.AudienceAccess;
import io.partnerportal.experiences.application.port.ExperienceStore;
import io.partnerportal.experiences.domain.ExperienceContent;
import io.partnerportal.experiences.domain.ExperienceOrder;
import io.partnerportal.experiences.domain.Tab;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The published experiences in memory, compiled for the portal's request path (tab audiences ready to
 * be asked of the segments' in-memory index, role lists as sets, answers pre-built), so serving a
 * contact takes no database round trip. Loaded at start (readiness DOWN until then); reloaded on this
 * instance right after it commits a publication, and on every other instance when the
 * {@code experiences_published} notification arrives — with a publication counter checked every two
 * seconds as a safety net and after every reconnect.
 */
@Singleton
public class PublishedExperiences implements ChangeNotifications.Listener, Readiness {

    static final String CHANNEL = "experiences_published";
    private static final Logger LOG = LoggerFactory.getLogger(PublishedExperiences.class);

    /** A tab ready to serve: its audience compiled, its role list, its answer. */
    public record ServedTab(Tab tab, AudienceAccess.Compiled audience, Set<String> roles,
                            Map<String, Object> portalJson) {

        public boolean visibleTo(String contactId, String roleKey) {
            return (roles.isEmpty() || roles.contains(roleKey)) && audience.admits(contactId);
        }
    }

    /** A published experience ready to serve. */
    public record ServedExperience(String id, String name, int version, boolean isDefault, Integer priority,
                                   Instant createdAt, AudienceAccess.Compiled audience, List<ServedTab> tabs,
                                   Map<String, ServedTab> bySlug) {
    }

    /** Everything published, in the order experiences are tried. */
    record Snapshot(long sequence, List<ServedExperience> candidates, ServedExperience fallback) {
    }

    private final ExperienceStore store;
    private final AudienceAccess audiences;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Snapshot snapshot;

    PublishedExperiences(ExperienceStore store, AudienceAccess audiences) {
        this.store = store;
        this.audiences = audiences;
    }

    @Override
    public String name() {
        return "published experiences";
    }

    @Override
    public boolean ready() {
        return snapshot != null;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warn("Loading the published experiences failed; they load on first use: {}", e.getMessage());
        }
    }

    /** The experience a contact gets: the lowest priority whose audience admits it, else the default. */
    public ServedExperience experienceOf(String contactId) {
        Snapshot s = current();
        for (ServedExperience candidate : s.candidates()) {
            if (candidate.audience().admits(contactId)) {
                return candidate;
            }
        }
        return s.fallback();
    }

    /** Every published experience (the default last). */
    public List<ServedExperience> all() {
        Snapshot s = current();
        List<ServedExperience> all = new ArrayList<>(s.candidates());
        all.add(s.fallback());
        return all;
    }

    public long sequence() {
        return current().sequence();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            reload();
            s = snapshot;
        }
        return s;
    }

    /** Reads every published version and swaps the compiled copy in (one reload at a time). */
    public void reload() {
        reloading.lock();
        try {
            snapshot = load();
        } finally {
            reloading.unlock();
        }
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW, readOnly = true)
    Snapshot load() {
        long sequence = store.publication();
        List<ServedExperience> candidates = new ArrayList<>();
        ServedExperience fallback = null;
        for (ExperienceStore.Published p : store.published()) {
            ServedExperience served = compile(p);
            if (p.isDefault()) {
                fallback = served;
            } else {
                candidates.add(served);
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("the default experience has no published version");
        }
        candidates.sort(Comparator.comparing((ServedExperience e) -> new ExperienceOrder.Candidate(e.id(),
                e.priority() == null ? Integer.MAX_VALUE : e.priority(), e.createdAt()), ExperienceOrder.FIRST_WINS));
        return new Snapshot(sequence, List.copyOf(candidates), fallback);
    }

    private ServedExperience compile(ExperienceStore.Published p) {
        ExperienceContent content = p.version().content();
        List<ServedTab> tabs = new ArrayList<>();
        Map<String, ServedTab> bySlug = new LinkedHashMap<>();
        for (Tab tab : content.tabs()) {
            ServedTab served = new ServedTab(tab, audiences.compile(tab.audience()), Set.copyOf(tab.roles()),
                    portalJson(tab));
            tabs.add(served);
            bySlug.put(tab.slug(), served);
        }
        return new ServedExperience(p.version().experienceId(), content.name(), p.version().version(), p.isDefault(),
                content.priority(), p.createdAt(), audiences.compile(content.audience()), List.copyOf(tabs),
                Map.copyOf(bySlug));
    }

    /** A tab as the portal answers it: no visibility rules (those are the admin's business). */
    private static Map<String, Object> portalJson(Tab tab) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", tab.id());
        json.put("title", tab.title());
        json.put("slug", tab.slug());
        json.put("icon", tab.icon());
        json.put("sections", tab.sections().stream().map(s -> s.toJson()).toList());
        return java.util.Collections.unmodifiableMap(json);
    }

    /** This instance committed a publication: serve it from its very next request. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void afterCommit(PublicationChanged event) {
        reload();
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void notified(String payload) {
        Snapshot s = snapshot;
        try {
            if (s == null || Long.parseLong(payload) > s.sequence()) {
                reload();
            }
        } catch (NumberFormatException e) {
            reload();
        }
    }

    @Override
    public void resync() {
        reload();
    }

    /** A cheap safety net: one counter read every two seconds, a reload only when it moved. */
    @Override
    public void tick() {
        Snapshot s = snapshot;
        if (s == null || readSequence() != s.sequence()) {
            reload();
        }
    }

    @Transactional(readOnly = true)
    long readSequence() {
        return store.publication();
    }
}
