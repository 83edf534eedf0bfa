package io.partnerportal.roles.adapter.crm;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.crm.spi.CrmRoleMapping;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.roles.api.ContactRole;
import io.partnerportal.roles.api.CrmRoles;
import io.partnerportal.roles.api.RoleAssignments;
import io.partnerportal.roles.api.RoleDirectory;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/**
 * Applies the CRM role mapping stored here to a synced CRM person: a mapped value of the configured
 * field becomes the contact's assigned role. An absent, empty or unmapped value leaves the role
 * alone, and a contact already assigned that role is not touched, so the periodic full pass over
 * every person changes nothing on a system in step.
 */
@Singleton
class CrmRoleSync implements CrmRoleMapping {

    private final RoleDirectory directory;
    private final RoleAssignments assignments;

    CrmRoleSync(RoleDirectory directory, RoleAssignments assignments) {
        this.directory = directory;
        this.assignments = assignments;
    }

    @Override
    @Transactional
    public void applyCrmRole(String contactId, Map<String, Object> personFields, ChangeContext context) {
        CrmRoles mapping = directory.crmRoles();
        if (mapping.field() == null || personFields.get(mapping.field()) == null) {
            return;
        }
        Optional<String> roleKey = mapping.roleFor(String.valueOf(personFields.get(mapping.field())));
        if (roleKey.isEmpty()) {
            return;
        }
        ContactRole current = directory.contactRole(contactId);
        if (current.assigned() && current.role().key().equals(roleKey.get())) {
            return;
        }
        assignments.assign(contactId, roleKey.get(), context.actor());
    }
}
