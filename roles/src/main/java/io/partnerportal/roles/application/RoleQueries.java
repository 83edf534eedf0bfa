package io.partnerportal.roles.application;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.roles.api.ContactRole;
import io.partnerportal.roles.api.CrmRoles;
import io.partnerportal.roles.api.PartnerRole;
import io.partnerportal.roles.api.RoleDirectory;
import io.partnerportal.roles.api.RolePermissions;
import io.partnerportal.roles.application.port.AssignmentStore;
import io.partnerportal.roles.application.port.CrmMappingStore;
import io.partnerportal.roles.application.port.RoleStore;
import io.partnerportal.roles.domain.CrmRoleMapping;
import io.partnerportal.roles.domain.Role;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The roles api: roles and effective roles from memory ({@link EffectiveRoles}), the rest from the database. */
@Singleton
class RoleQueries implements RoleDirectory {

    private final EffectiveRoles effective;
    private final RoleStore roles;
    private final AssignmentStore assignments;
    private final CrmMappingStore crmMapping;

    RoleQueries(EffectiveRoles effective, RoleStore roles, AssignmentStore assignments, CrmMappingStore crmMapping) {
        this.effective = effective;
        this.roles = roles;
        this.assignments = assignments;
        this.crmMapping = crmMapping;
    }

    @Override
    public List<PartnerRole> roles() {
        return effective.catalog().roles().stream().map(RoleViews::of).toList();
    }

    @Override
    public Optional<PartnerRole> find(String roleKey) {
        Role role = effective.catalog().byKey().get(roleKey);
        if (role == null) {
            effective.reloadCatalog(); // a role created on another instance moments ago
            role = effective.catalog().byKey().get(roleKey);
        }
        return Optional.ofNullable(role).map(RoleViews::of);
    }

    @Override
    public PartnerRole defaultRole() {
        return RoleViews.of(effective.catalog().defaultRole());
    }

    @Override
    public PartnerRole effectiveRole(String contactId) {
        return RoleViews.of(effective.roleOf(contactId));
    }

    @Override
    public Optional<PartnerRole> effectiveRoleInMemory(String contactId) {
        return effective.cachedRoleOf(contactId).map(RoleViews::of);
    }

    @Override
    @Transactional
    public ContactRole contactRole(String contactId) {
        Optional<Role> assigned = assignments.assignedRoleId(contactId).flatMap(roles::byId);
        Role role = assigned.orElseGet(() -> roles.all().stream().filter(Role::isDefault).findFirst()
                .orElseThrow(() -> new IllegalStateException("no default role is defined")));
        return new ContactRole(contactId, RoleViews.of(role), assigned.isPresent());
    }

    @Override
    public RolePermissions permissionsOf(String contactId) {
        PartnerRole role = effectiveRole(contactId);
        return new RolePermissions(role.collaborationRestricted(), role);
    }

    @Override
    @Transactional
    public CrmRoles crmRoles() {
        CrmRoleMapping m = crmMapping.load();
        return new CrmRoles(m.field(), m.entries().stream().map(e -> new CrmRoles.Mapping(e.crmValue(), e.roleKey()))
                .toList());
    }
}
