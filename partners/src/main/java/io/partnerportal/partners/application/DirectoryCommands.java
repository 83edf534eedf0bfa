package io.partnerportal.partners.application;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.ContactAccounts;
import io.partnerportal.partners.api.ContactRecord;
import io.partnerportal.partners.api.ContactRoles;
import io.partnerportal.partners.api.PartnerRecord;
import io.partnerportal.partners.api.PortalStatus;
import io.partnerportal.partners.api.PropertyCommands;
import io.partnerportal.partners.api.PropertyOption;
import io.partnerportal.partners.domain.DirectoryRules;
import io.partnerportal.partners.domain.RecordEdit;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The command ports other modules use: property values, account fields, effective roles. */
@Singleton
class DirectoryCommands implements PropertyCommands, ContactAccounts, ContactRoles {

    private final PartnerService partners;
    private final ContactService contacts;
    private final CatalogueService catalogue;

    DirectoryCommands(PartnerService partners, ContactService contacts, CatalogueService catalogue) {
        this.partners = partners;
        this.contacts = contacts;
        this.catalogue = catalogue;
    }

    @Override
    @Transactional
    public PartnerRecord setPartnerProperties(String partnerId, Map<String, Object> values, ChangeContext context) {
        return Records.of(partners.update(id("Partner", partnerId), RecordEdit.ofProperties(values), List.of(), context));
    }

    @Override
    @Transactional
    public ContactRecord setContactProperties(String contactId, Map<String, Object> values, ChangeContext context) {
        return Records.of(contacts.update(id("Contact", contactId), RecordEdit.ofProperties(values), List.of(), context));
    }

    @Override
    @Transactional
    public ContactRecord changePortalStatus(String contactId, PortalStatus status, ChangeContext context) {
        return Records.of(contacts.changePortalStatus(id("Contact", contactId), status, context));
    }

    @Override
    @Transactional
    public ContactRecord recordLogin(String contactId, Instant at, ChangeContext context) {
        return Records.of(contacts.recordLogin(id("Contact", contactId), at, context));
    }

    @Override
    @Transactional
    public void setEffectiveRole(Collection<String> contactIds, String roleKey, ChangeContext context) {
        contacts.setEffectiveRole(contactIds, roleKey, context);
    }

    @Override
    @Transactional
    public int repointRole(String fromRoleKey, String toRoleKey, Collection<String> exceptContactIds,
                           ChangeContext context) {
        return contacts.repointRole(fromRoleKey, toRoleKey, exceptContactIds, context);
    }

    @Override
    @Transactional
    public void defineRoles(List<PropertyOption> roles, String defaultRoleKey) {
        catalogue.defineRoles(roles, defaultRoleKey);
    }

    @Override
    @Transactional
    public List<Usage> usagesOf(String roleKey) {
        return catalogue.roleUsages(roleKey).stream().map(u -> new Usage(u.kind(), u.id(), u.name(), u.detail()))
                .toList();
    }

    private static UUID id(String what, String id) {
        return DirectoryRules.parseId(id).orElseThrow(() -> NotFoundException.of(what, id));
    }
}
