package io.partnerportal.roles.application;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConfigurationChanged;
import io.partnerportal.common.ConflictException;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.StaleVersionException;
import io.partnerportal.common.jdbc.ChangeNotifications;
import io.partnerportal.roles.application.port.AssignmentStore;
import io.partnerportal.roles.application.port.ContactDirectory;
import io.partnerportal.roles.application.port.CrmMappingStore;
import io.partnerportal.roles.application.port.RoleStore;
import io.partnerportal.roles.domain.Role;
import io.partnerportal.roles.domain.RoleRules;
import io.partnerportal.roles.domain.RoleUsageEntry;
import io.partnerportal.roles.spi.RoleUsage;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The admin's use cases on roles: add, rename, change permissions, delete (refused while in use),
 * choose the default. Every change keeps the options of {@code contact.role} in step (same
 * transaction), is recorded in the audit log, and drops the in-memory roles on every instance.
 */
@Singleton
public class RoleAdministration {

    /** A role with its number of explicit assignments. */
    public record RoleSummary(Role role, long assignedContacts) {
    }

    /** The outcome of a change of the default role. */
    public record DefaultChange(Role defaultRole, Role previousDefault, int contactsRepointed) {
    }

    private final RoleStore roles;
    private final AssignmentStore assignments;
    private final CrmMappingStore crmMapping;
    private final ContactDirectory directory;
    private final BeanProvider<RoleUsage> usages;
    private final ApplicationEventPublisher<ConfigurationChanged> audit;
    private final ApplicationEventPublisher<RolesTouched> touched;
    private final ChangeNotifications notifications;

    RoleAdministration(RoleStore roles, AssignmentStore assignments, CrmMappingStore crmMapping,
                       ContactDirectory directory, BeanProvider<RoleUsage> usages,
                       ApplicationEventPublisher<ConfigurationChanged> audit,
                       ApplicationEventPublisher<RolesTouched> touched, ChangeNotifications notifications) {
        this.roles = roles;
        this.assignments = assignments;
        this.crmMapping = crmMapping;
        this.directory = directory;
        this.usages = usages;
        this.audit = audit;
        this.touched = touched;
        this.notifications = notifications;
    }

    @Transactional
    public List<RoleSummary> list() {
        Map<String, Long> counts = roles.assignmentCounts();
        return roles.all().stream().map(r -> new RoleSummary(r, counts.getOrDefault(r.id(), 0L))).toList();
    }

    @Transactional
    public RoleSummary get(String id) {
        Role role = require(id);
        return new RoleSummary(role, assignments.countWith(role.id()));
    }

    @Transactional
    public RoleSummary create(Map<String, Object> body, Actor actor) {
        roles.lock(true);
        List<Role> all = roles.all();
        Role role = RoleRules.newRole(UUID.randomUUID().toString(), body,
                all.stream().mapToInt(Role::position).max().orElse(0) + 1, now());
        if (all.size() >= Role.MAX_ROLES) {
            throw new ConflictException("There are " + Role.MAX_ROLES + " roles already, the most the portal keeps.");
        }
        for (Role other : all) {
            if (other.key().equals(role.key())) {
                throw new ConflictException("A role with the key '" + role.key() + "' exists already.",
                        Map.of("pointer", "/key", "roleId", other.id()));
            }
            if (RoleRules.sameName(other.name(), role.name())) {
                throw new ConflictException("A role named '" + other.name() + "' exists already.",
                        Map.of("pointer", "/name", "roleId", other.id()));
            }
        }
        if (!roles.insert(role)) {
            throw new ConflictException("A role with that key or name was added at the same moment; try again.");
        }
        List<Role> next = new ArrayList<>(all);
        next.add(role);
        directory.defineRoles(next, defaultOf(next).key());
        changed(new ConfigurationChanged("role", role.id(), role.name(), "created", null, RoleViews.snapshot(role),
                actor, null));
        return new RoleSummary(role, 0);
    }

    /** Renames the role or changes its permissions; {@code expectedVersion} (optional) guards against lost updates. */
    @Transactional
    public RoleSummary edit(String id, Map<String, Object> patch, Long expectedVersion, Actor actor) {
        roles.lock(true);
        Role current = require(id);
        Long sent = patch.get("version") instanceof Number n ? Long.valueOf(n.longValue()) : null;
        if (patch.containsKey("version") && sent == null) {
            throw InvalidInputException.of("/version", "wrong_value_type", "version is an integer");
        }
        for (Long expected : new Long[]{expectedVersion, sent}) {
            if (expected != null && expected != current.version()) {
                throw new StaleVersionException("Role " + current.key(), expected, current.version());
            }
        }
        Role edited = RoleRules.edit(current, patch);
        if (edited.name().equals(current.name())
                && edited.collaborationRestricted() == current.collaborationRestricted()) {
            return new RoleSummary(current, assignments.countWith(id));
        }
        List<Role> all = roles.all();
        for (Role other : all) {
            if (!other.id().equals(id) && RoleRules.sameName(other.name(), edited.name())) {
                throw new ConflictException("A role named '" + other.name() + "' exists already.",
                        Map.of("pointer", "/name", "roleId", other.id()));
            }
        }
        Role saved = edited.saved(current.version() + 1, now());
        if (!roles.update(saved)) {
            throw new ConflictException("A role with that name was saved at the same moment; try again.");
        }
        if (!saved.name().equals(current.name())) {
            directory.defineRoles(all.stream().map(r -> r.id().equals(id) ? saved : r).toList(),
                    defaultOf(all).key());
        }
        changed(new ConfigurationChanged("role", saved.id(), saved.name(), "updated", RoleViews.snapshot(current),
                RoleViews.snapshot(saved), actor, null));
        return new RoleSummary(saved, assignments.countWith(id));
    }

    /**
     * Deletes a role nobody uses. In use — assigned to contacts, in the CRM mapping, in a tab's role
     * list, in a segment condition on {@code contact.role}, or the default role — it is a 409 listing
     * every usage.
     */
    @Transactional
    public void delete(String id, Actor actor) {
        roles.lock(true);
        Role role = require(id);
        if (role.isDefault()) {
            throw new ConflictException("'" + role.name() + "' is the default role: choose another default role "
                    + "(PUT /api/admin/roles/default) before deleting it.",
                    Map.of("usages", List.of(usage(new RoleUsageEntry("default_role", role.id(), role.name(),
                            "the effective role of every contact without an assignment")))));
        }
        refuseIfUsed(role);
        List<Role> remaining = roles.all().stream().filter(r -> !r.id().equals(id)).toList();
        // redefining the options waits for contact writes in flight (they may assign this role) ...
        directory.defineRoles(remaining, defaultOf(remaining).key());
        // ... so what they recorded is visible now, and later writes can no longer name the role
        refuseIfUsed(role);
        roles.delete(id);
        changed(new ConfigurationChanged("role", role.id(), role.name(), "deleted", RoleViews.snapshot(role), null,
                actor, null));
    }

    /** Every usage of a role (assignments, CRM mapping, other modules, conditions). */
    @Transactional
    public List<RoleUsageEntry> usages(String id) {
        return usagesOf(require(id));
    }

    /**
     * Makes a role the default: every contact without an assignment gets it as its effective role (set
     * based; segments on {@code contact.role} re-evaluate in the same transaction), while contacts
     * explicitly assigned the previous default keep it.
     */
    @Transactional
    public DefaultChange changeDefault(String roleId, Actor actor) {
        roles.lock(true);
        Role next = roles.byId(roleId).orElseThrow(() -> InvalidInputException.of("/roleId", "unknown_role",
                "there is no role " + roleId));
        List<Role> all = roles.all();
        Role previous = defaultOf(all);
        if (previous.id().equals(next.id())) {
            return new DefaultChange(next, previous, 0);
        }
        roles.makeDefault(next.id());
        List<Role> updated = all.stream().map(r -> r.asDefault(r.id().equals(next.id()))).toList();
        // takes the directory's roles lock: contacts being created now wait, then get the new default
        directory.defineRoles(updated, next.key());
        int repointed = directory.repoint(previous.key(), next.key(), assignments.contactsWith(previous.id()), actor);
        Role saved = next.asDefault(true);
        Map<String, Object> before = Map.of("defaultRole", RoleViews.snapshot(previous));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("defaultRole", RoleViews.snapshot(saved));
        after.put("contactsRepointed", repointed);
        changed(new ConfigurationChanged("role", saved.id(), saved.name(), "made_default", before, after, actor,
                null));
        return new DefaultChange(saved, previous.asDefault(false), repointed);
    }

    private void refuseIfUsed(Role role) {
        List<RoleUsageEntry> found = usagesOf(role);
        if (!found.isEmpty()) {
            throw new ConflictException("The role '" + role.name() + "' is in use and cannot be deleted: remove the "
                    + "usages listed first.", Map.of("usages", found.stream().map(RoleAdministration::usage).toList()));
        }
    }

    private List<RoleUsageEntry> usagesOf(Role role) {
        List<RoleUsageEntry> found = new ArrayList<>();
        long assigned = assignments.countWith(role.id());
        if (assigned > 0) {
            found.add(new RoleUsageEntry("assignments", role.id(), assigned + (assigned == 1 ? " contact" : " contacts"),
                    "assigned explicitly to " + assigned + (assigned == 1 ? " contact" : " contacts")
                            + "; assign them another role or give them back the default role"));
        }
        crmMapping.load().entriesFor(role.key()).forEach(e -> found.add(new RoleUsageEntry("crm_mapping", role.id(),
                "CRM value '" + e.crmValue() + "'", "the CRM role mapping maps '" + e.crmValue() + "' to this role")));
        usages.stream().forEach(u -> u.usagesOf(role.key()).forEach(x -> found.add(new RoleUsageEntry(x.kind(), x.id(),
                x.name(), x.detail()))));
        found.addAll(directory.catalogueUsages(role.key()));
        return found;
    }

    private static Map<String, Object> usage(RoleUsageEntry u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", u.kind());
        m.put("id", u.id());
        m.put("name", u.name());
        m.put("detail", u.detail());
        return m;
    }

    private void changed(ConfigurationChanged event) {
        audit.publishEvent(event);
        touched.publishEvent(RolesTouched.ALL);
        notifications.send(EffectiveRoles.CHANNEL, "*");
    }

    private Role require(String id) {
        return roles.byId(id).orElseThrow(() -> NotFoundException.of("Role", id));
    }

    private static Role defaultOf(List<Role> all) {
        return all.stream().filter(Role::isDefault).findFirst()
                .orElseThrow(() -> new IllegalStateException("no default role is defined"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
