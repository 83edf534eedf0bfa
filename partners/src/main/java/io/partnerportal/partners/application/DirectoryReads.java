package io.partnerportal.partners.application;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.partners.api.ContactRecord;
import io.partnerportal.partners.api.PartnerDirectory;
import io.partnerportal.partners.api.PartnerRecord;
import io.partnerportal.partners.application.port.ContactStore;
import io.partnerportal.partners.application.port.PartnerStore;
import io.partnerportal.partners.domain.CrmKey;
import io.partnerportal.partners.domain.DirectoryRules;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** {@link PartnerDirectory} over the stores; ids that are not UUIDs name no record. */
@Singleton
class DirectoryReads implements PartnerDirectory {

    private final PartnerStore partners;
    private final ContactStore contacts;

    DirectoryReads(PartnerStore partners, ContactStore contacts) {
        this.partners = partners;
        this.contacts = contacts;
    }

    @Override
    @Transactional
    public Optional<PartnerRecord> partner(String partnerId) {
        return DirectoryRules.parseId(partnerId).flatMap(id -> partners.find(id, false)).map(Records::of);
    }

    @Override
    @Transactional
    public Optional<ContactRecord> contact(String contactId) {
        return DirectoryRules.parseId(contactId).flatMap(id -> contacts.find(id, false)).map(Records::of);
    }

    @Override
    @Transactional
    public Optional<ContactRecord> contactByEmail(String email) {
        return email == null ? Optional.empty() : contacts.findByEmail(email.trim()).map(Records::of);
    }

    @Override
    @Transactional
    public Optional<PartnerRecord> partnerByCrmId(String system, String crmId) {
        if (system == null || crmId == null) {
            return Optional.empty();
        }
        CrmKey key = new CrmKey(system, crmId);
        return Optional.ofNullable(partners.idsByCrmIds(List.of(key)).get(key))
                .flatMap(id -> partners.find(id, false)).map(Records::of);
    }

    @Override
    @Transactional
    public Optional<ContactRecord> contactByCrmId(String system, String crmId) {
        if (system == null || crmId == null) {
            return Optional.empty();
        }
        CrmKey key = new CrmKey(system, crmId);
        return Optional.ofNullable(contacts.idsByCrmIds(List.of(key)).get(key))
                .flatMap(id -> contacts.find(id, false)).map(Records::of);
    }

    @Override
    @Transactional
    public List<PartnerRecord> partners(Collection<String> partnerIds) {
        return partners.findAll(ids(partnerIds), false).stream().map(Records::of).toList();
    }

    @Override
    @Transactional
    public List<ContactRecord> contacts(Collection<String> contactIds) {
        return contacts.findAll(ids(contactIds), false).stream().map(Records::of).toList();
    }

    @Override
    @Transactional
    public List<ContactRecord> contactsOf(String partnerId) {
        return DirectoryRules.parseId(partnerId).map(id -> contacts.ofPartner(id).stream().map(Records::of).toList())
                .orElse(List.of());
    }

    @Override
    @Transactional
    public void forEachPartner(Consumer<PartnerRecord> consumer) {
        partners.forEach(p -> consumer.accept(Records.of(p)));
    }

    @Override
    @Transactional
    public void forEachContact(Consumer<ContactRecord> consumer) {
        contacts.forEach(c -> consumer.accept(Records.of(c)));
    }

    @Override
    @Transactional
    public long partnerCount() {
        return partners.count();
    }

    @Override
    @Transactional
    public long contactCount() {
        return contacts.count();
    }

    private static List<UUID> ids(Collection<String> ids) {
        return ids.stream().map(DirectoryRules::parseId).flatMap(Optional::stream).distinct().toList();
    }
}
