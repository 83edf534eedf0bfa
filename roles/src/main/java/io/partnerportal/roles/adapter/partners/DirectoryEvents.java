package io.partnerportal.roles.adapter.partners;

import io.micronaut.runtime.event.annotation.EventListener;
import io.partnerportal.partners.api.event.ChangeKind;
import io.partnerportal.partners.api.event.ContactChanged;
import io.partnerportal.partners.api.event.ContactRoleAssigned;
import io.partnerportal.roles.application.AssignmentService;
import jakarta.inject.Singleton;

/**
 * Keeps assignments in step with the directory, in the transaction of the change: a role named in a
 * contact patch, an import or the demo data is recorded as the contact's assignment (or removed, for
 * {@code role: null}); a deleted contact loses its assignment; any change of a contact's role drops
 * its cached effective role.
 */
@Singleton
class DirectoryEvents {

    private final AssignmentService assignments;

    DirectoryEvents(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @EventListener
    void onRoleAssigned(ContactRoleAssigned event) {
        assignments.recordRequested(event.contactId(), event.roleKey(), event.actor());
    }

    @EventListener
    void onContactChanged(ContactChanged event) {
        if (event.kind() == ChangeKind.DELETED) {
            assignments.forget(event.contactId());
        } else if (event.changes().containsKey("role")) {
            assignments.touchedElsewhere(event.contactId());
        }
    }
}
