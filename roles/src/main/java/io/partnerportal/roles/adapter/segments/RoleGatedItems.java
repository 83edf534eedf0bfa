package io.partnerportal.roles.adapter.segments;

import io.partnerportal.roles.api.ContactRole;
import io.partnerportal.roles.api.RoleDirectory;
import io.partnerportal.segments.spi.GatedItems;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * What roles tell the access explanation: the contact's effective role (assigned or the default) and
 * what it permits. Roles refer to no segment, so they never hold a segment's deletion back.
 */
@Singleton
class RoleGatedItems implements GatedItems {

    private final RoleDirectory roles;

    RoleGatedItems(RoleDirectory roles) {
        this.roles = roles;
    }

    @Override
    public List<Usage> usages(String segmentId) {
        return List.of();
    }

    @Override
    public List<Decision> describe(String contactId) {
        ContactRole current = roles.contactRole(contactId);
        String how = current.assigned() ? "assigned" : "the default role (no assignment)";
        return List.of(
                new Decision("role", current.role().id(), current.role().name(), true,
                        "effective role " + current.role().name() + " (" + current.role().key() + "): " + how),
                new Decision("role_permission", "collaborationRestricted", "Collaboration restricted",
                        current.role().collaborationRestricted(), "role " + current.role().name() + " has collaboration "
                        + (current.role().collaborationRestricted() ? "restricted: only deals it collaborates on"
                        : "unrestricted")));
    }
}
