package io.partnerportal.roles.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConflictException;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.jdbc.ChangeNotifications;
import io.partnerportal.roles.api.ContactRole;
import io.partnerportal.roles.api.RoleAssignments;
import io.partnerportal.roles.application.port.AssignmentStore;
import io.partnerportal.roles.application.port.ContactDirectory;
import io.partnerportal.roles.application.port.RoleStore;
import io.partnerportal.roles.domain.Role;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Assigns roles to contacts. The assignment table here is the one truth about who was given which
 * role; the directory's {@code contact.role} is the effective role derived from it (the assignment,
 * else the default) and is written in the same transaction. Requests that name a role through the
 * directory itself (an admin's contact patch, an import, the demo data) arrive as
 * {@code ContactRoleAssigned} events and are recorded here by {@link #recordRequested}.
 */
@Singleton
public class AssignmentService implements RoleAssignments {

    private final RoleStore roles;
    private final AssignmentStore assignments;
    private final ContactDirectory directory;
    private final ApplicationEventPublisher<RolesTouched> touched;
    private final ChangeNotifications notifications;

    AssignmentService(RoleStore roles, AssignmentStore assignments, ContactDirectory directory,
                      ApplicationEventPublisher<RolesTouched> touched, ChangeNotifications notifications) {
        this.roles = roles;
        this.assignments = assignments;
        this.directory = directory;
        this.touched = touched;
        this.notifications = notifications;
    }

    /** A contact's effective role read in the caller's transaction. */
    @Transactional
    public ContactRole current(String contactId) {
        if (!directory.exists(contactId)) {
            throw NotFoundException.of("Contact", contactId);
        }
        Optional<Role> assigned = assignments.assignedRoleId(contactId).flatMap(roles::byId);
        Role role = assigned.orElseGet(this::defaultRole);
        return new ContactRole(contactId, RoleViews.of(role), assigned.isPresent());
    }

    @Override
    @Transactional
    public ContactRole assign(String contactId, String roleKey, Actor actor) {
        Role role = roles.byKey(roleKey == null ? "" : roleKey).orElseThrow(() -> InvalidInputException.of("/roleKey",
                "unknown_role", "there is no role '" + roleKey + "'"));
        return assignRole(contactId, role, actor);
    }

    /** Assigns by role id (the admin API's {@code {"roleId"}}). */
    @Transactional
    public ContactRole assignById(String contactId, String roleId, Actor actor) {
        Role role = roles.byId(roleId).orElseThrow(() -> InvalidInputException.of("/roleId", "unknown_role",
                "there is no role " + roleId));
        return assignRole(contactId, role, actor);
    }

    private ContactRole assignRole(String contactId, Role role, Actor actor) {
        roles.lock(false);
        requireContact(contactId);
        // the contact's row first, then the assignment: the same lock order as a contact patch naming a role
        directory.setEffectiveRole(contactId, role.key(), actor);
        assignments.assign(contactId, role.id(), actor.display(), now());
        touch(contactId);
        return new ContactRole(contactId, RoleViews.of(role), true);
    }

    @Override
    @Transactional
    public ContactRole revertToDefault(String contactId, Actor actor) {
        roles.lock(false);
        requireContact(contactId);
        Role role = defaultRole();
        directory.setEffectiveRole(contactId, role.key(), actor);
        assignments.remove(contactId);
        touch(contactId);
        return new ContactRole(contactId, RoleViews.of(role), false);
    }

    /**
     * Records a role named through the directory (already applied to {@code contact.role} there, which
     * validated the key against the roles): a key becomes the assignment, null removes it.
     */
    @Transactional
    public void recordRequested(String contactId, String roleKey, Actor actor) {
        if (roleKey == null) {
            assignments.remove(contactId);
        } else {
            Role role = roles.byKey(roleKey).orElseThrow(() -> new ConflictException("The role '" + roleKey
                    + "' is being deleted; choose another role."));
            assignments.assign(contactId, role.id(), actor.display(), now());
        }
        touch(contactId);
    }

    /** A deleted contact's assignment goes with it. */
    @Transactional
    public void forget(String contactId) {
        if (assignments.remove(contactId)) {
            touch(contactId);
        }
    }

    /** Drops a cached role on this instance (after its own change events). */
    public void touchedElsewhere(String contactId) {
        touched.publishEvent(new RolesTouched(contactId));
    }

    private void touch(String contactId) {
        touched.publishEvent(new RolesTouched(contactId));
        notifications.send(EffectiveRoles.CHANNEL, contactId);
    }

    private void requireContact(String contactId) {
        if (!directory.exists(contactId)) {
            throw NotFoundException.of("Contact", contactId);
        }
    }

    private Role defaultRole() {
        return roles.all().stream().filter(Role::isDefault).findFirst()
                .orElseThrow(() -> new IllegalStateException("no default role is defined"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
