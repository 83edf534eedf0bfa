package io.partnerportal.roles.adapter.partners;

import io.partnerportal.common.Actor;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.ContactRoles;
import io.partnerportal.partners.api.PartnerDirectory;
import io.partnerportal.partners.api.PropertyOption;
import io.partnerportal.roles.application.port.ContactDirectory;
import io.partnerportal.roles.domain.Role;
import io.partnerportal.roles.domain.RoleUsageEntry;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;

/** The partner directory through its api: the effective role lives in {@code contact.role}. */
@Singleton
class DirectoryContacts implements ContactDirectory {

    private final PartnerDirectory directory;
    private final ContactRoles contactRoles;

    DirectoryContacts(PartnerDirectory directory, ContactRoles contactRoles) {
        this.directory = directory;
        this.contactRoles = contactRoles;
    }

    @Override
    public boolean exists(String contactId) {
        return directory.contact(contactId).isPresent();
    }

    @Override
    public void setEffectiveRole(String contactId, String roleKey, Actor actor) {
        contactRoles.setEffectiveRole(List.of(contactId), roleKey, new ChangeContext(ChangeCause.ROLE_CHANGE, actor));
    }

    @Override
    public int repoint(String from, String to, Collection<String> except, Actor actor) {
        return contactRoles.repointRole(from, to, except, new ChangeContext(ChangeCause.ROLE_CHANGE, actor));
    }

    @Override
    public void defineRoles(List<Role> roles, String defaultKey) {
        contactRoles.defineRoles(roles.stream().map(r -> new PropertyOption(r.key(), r.name())).toList(), defaultKey);
    }

    @Override
    public List<RoleUsageEntry> catalogueUsages(String roleKey) {
        return contactRoles.usagesOf(roleKey).stream()
                .map(u -> new RoleUsageEntry(u.kind(), u.id(), u.name(), u.detail())).toList();
    }
}
