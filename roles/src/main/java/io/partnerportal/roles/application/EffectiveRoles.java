package io.partnerportal.roles.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.partnerportal.common.Readiness;
import io.partnerportal.common.jdbc.ChangeNotifications;
import io.partnerportal.roles.application.port.AssignmentStore;
import io.partnerportal.roles.application.port.RoleStore;
import io.partnerportal.roles.domain.Role;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The roles and contacts' effective roles in memory, for the portal's request path. The roles are
 * loaded at start (readiness DOWN until then) and reloaded whenever they change. A contact's role is
 * cached on first use for {@code portal.roles.cache-ttl} (10 s) and dropped as soon as it changes: on
 * this instance in the changing transaction and after its commit, on the others by the
 * {@code roles_changed} notification the change sends. A read that overlaps a change is not cached
 * (an epoch counter), so a stale value never outlives the change.
 */
@Singleton
public class EffectiveRoles implements ChangeNotifications.Listener, Readiness {

    static final String CHANNEL = "roles_changed";
    private static final Logger LOG = LoggerFactory.getLogger(EffectiveRoles.class);
    private static final int MAX_CACHED = 200_000;

    /** The roles as loaded: by id and key, and the default. */
    record Catalog(List<Role> roles, Map<String, Role> byId, Map<String, Role> byKey, Role defaultRole) {

        static Catalog of(List<Role> roles) {
            Map<String, Role> byId = new LinkedHashMap<>();
            Map<String, Role> byKey = new LinkedHashMap<>();
            Role def = null;
            for (Role r : roles) {
                byId.put(r.id(), r);
                byKey.put(r.key(), r);
                if (r.isDefault()) {
                    def = r;
                }
            }
            if (def == null) {
                throw new IllegalStateException("no default role is defined");
            }
            return new Catalog(List.copyOf(roles), byId, byKey, def);
        }
    }

    private record Cached(String roleId, long loadedAt) {
    }

    private final RoleStore roles;
    private final AssignmentStore assignments;
    private final long ttlNanos;
    private final ConcurrentMap<String, Cached> byContact = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private volatile Catalog catalog;

    EffectiveRoles(RoleStore roles, AssignmentStore assignments,
                   @Value("${portal.roles.cache-ttl:10s}") Duration ttl) {
        this.roles = roles;
        this.assignments = assignments;
        this.ttlNanos = ttl.toNanos();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        try {
            reloadCatalog();
        } catch (RuntimeException e) {
            LOG.warn("Loading the roles failed; they load on first use: {}", e.getMessage());
        }
    }

    @Override
    public String name() {
        return "roles";
    }

    @Override
    public boolean ready() {
        return catalog != null;
    }

    /** The roles, loaded on first use. */
    public Catalog catalog() {
        Catalog c = catalog;
        if (c == null) {
            reloadCatalog();
            c = catalog;
        }
        return c;
    }

    /** The contact's effective role: from memory when cached, else one read (cached afterwards). */
    public Role roleOf(String contactId) {
        Optional<Role> cached = cachedRoleOf(contactId);
        if (cached.isPresent()) {
            return cached.get();
        }
        long seen = epoch.get();
        Optional<String> assigned = readAssignment(contactId);
        Catalog c = catalog();
        Role role = assigned.map(c.byId()::get).orElse(null);
        if (assigned.isPresent() && role == null) {
            reloadCatalog(); // a role created on another instance moments ago
            c = catalog();
            role = c.byId().get(assigned.get());
        }
        if (role == null) {
            role = c.defaultRole();
        }
        if (epoch.get() == seen) {
            if (byContact.size() > MAX_CACHED) {
                byContact.clear();
            }
            byContact.put(contactId, new Cached(assigned.orElse(null), System.nanoTime()));
        }
        return role;
    }

    /** The effective role from memory only; empty when not cached (or the roles are not loaded). */
    public Optional<Role> cachedRoleOf(String contactId) {
        Catalog c = catalog;
        Cached entry = byContact.get(contactId);
        if (c == null || entry == null || System.nanoTime() - entry.loadedAt() >= ttlNanos) {
            return Optional.empty();
        }
        if (entry.roleId() == null) {
            return Optional.of(c.defaultRole());
        }
        return Optional.ofNullable(c.byId().get(entry.roleId()));
    }

    @Transactional
    Optional<String> readAssignment(String contactId) {
        return assignments.assignedRoleId(contactId);
    }

    @Transactional
    void reloadCatalog() {
        catalog = Catalog.of(roles.all());
    }

    /** In the changing transaction: drop what it changes (a concurrent read must not cache it either). */
    @EventListener
    void onTouched(RolesTouched event) {
        drop(event.contactId(), false);
    }

    /** After the commit: drop again (a read between the first drop and the commit saw the old state). */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void afterCommit(RolesTouched event) {
        drop(event.contactId(), event.contactId() == null);
    }

    private void drop(String contactId, boolean reload) {
        epoch.incrementAndGet();
        if (contactId == null) {
            byContact.clear();
            if (reload) {
                try {
                    reloadCatalog();
                } catch (RuntimeException e) {
                    catalog = null; // reloads on first use
                }
            }
        } else {
            byContact.remove(contactId);
        }
    }

    // --- other instances' changes (ChangeNotifications) ---

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void notified(String payload) {
        if (payload == null || payload.equals("*")) {
            drop(null, true);
        } else {
            drop(payload, false);
        }
    }

    @Override
    public void resync() {
        drop(null, true);
    }
}
