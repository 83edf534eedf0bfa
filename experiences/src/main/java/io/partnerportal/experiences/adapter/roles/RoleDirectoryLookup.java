package io.partnerportal.experiences.adapter.roles;

import io.partnerportal.experiences.application.port.RoleLookup;
import io.partnerportal.roles.api.PartnerRole;
import io.partnerportal.roles.api.RoleDirectory;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Effective roles from the roles module (cached in memory there). */
@Singleton
class RoleDirectoryLookup implements RoleLookup {

    private final RoleDirectory roles;

    RoleDirectoryLookup(RoleDirectory roles) {
        this.roles = roles;
    }

    @Override
    public Optional<String> roleInMemory(String contactId) {
        return roles.effectiveRoleInMemory(contactId).map(PartnerRole::key);
    }

    @Override
    public String roleOf(String contactId) {
        return roles.effectiveRole(contactId).key();
    }

    @Override
    public String currentRoleOf(String contactId) {
        return roles.contactRole(contactId).role().key();
    }

    @Override
    public boolean exists(String roleKey) {
        return roles.find(roleKey).isPresent();
    }

    @Override
    public Map<String, String> roleNames() {
        Map<String, String> names = new LinkedHashMap<>();
        roles.roles().forEach(r -> names.put(r.key(), r.name()));
        return names;
    }
}
