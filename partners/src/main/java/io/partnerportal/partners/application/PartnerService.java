package io.partnerportal.partners.application;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.ConflictException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Page;
import io.partnerportal.common.jdbc.DuplicateKeyException;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.event.ChangeKind;
import io.partnerportal.partners.api.event.ValueChange;
import io.partnerportal.partners.application.port.ContactStore;
import io.partnerportal.partners.application.port.PartnerStore;
import io.partnerportal.partners.domain.Changes;
import io.partnerportal.partners.domain.CrmKey;
import io.partnerportal.partners.domain.DirectoryQuery;
import io.partnerportal.partners.domain.DirectoryRules;
import io.partnerportal.partners.domain.LevelCatalogue;
import io.partnerportal.partners.domain.Partner;
import io.partnerportal.partners.domain.RecordEdit;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates, edits and deletes partners; each committed change publishes a {@code PartnerChanged}. */
@Singleton
public class PartnerService {

    private final PartnerStore partners;
    private final ContactStore contacts;
    private final CatalogueService catalogue;
    private final ChangeEvents events;

    PartnerService(PartnerStore partners, ContactStore contacts, CatalogueService catalogue, ChangeEvents events) {
        this.partners = partners;
        this.contacts = contacts;
        this.catalogue = catalogue;
        this.events = events;
    }

    @Transactional
    public Partner get(UUID id) {
        return partners.find(id, false).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public Page<Partner> list(DirectoryQuery query) {
        return partners.list(query);
    }

    @Transactional
    public Partner create(RecordEdit edit, ChangeContext context) {
        Instant now = Versions.now();
        LevelCatalogue levelCatalogue = catalogue.level(PropertyLevel.PARTNER);
        Partner partner = DirectoryRules.partner(null, UUID.randomUUID(), edit, levelCatalogue, now);
        ensureCrmIdsFree(partner);
        save(List.of(partner), List.of());
        events.partner(partner.id(), ChangeKind.CREATED, Changes.of(null, partner), context, now);
        return partner;
    }

    /** Applies a merge patch; answers the current partner unchanged when the patch changes nothing. */
    @Transactional
    public Partner update(UUID id, RecordEdit edit, List<Long> expectedVersions, ChangeContext context) {
        Instant now = Versions.now();
        Partner current = partners.find(id, true).orElseThrow(() -> notFound(id));
        Versions.check("Partner " + id, current.version(), expectedVersions);
        Partner next = DirectoryRules.partner(current, id, edit, catalogue.level(PropertyLevel.PARTNER), now);
        Map<String, ValueChange> changes = Changes.of(current, next);
        if (changes.isEmpty() && next.crmIds().equals(current.crmIds())) {
            return current;
        }
        ensureCrmIdsFree(next);
        next = next.withVersion(current.version() + 1, now);
        save(List.of(), List.of(next));
        events.partner(id, ChangeKind.UPDATED, changes, context, now);
        return next;
    }

    /** Deletes a partner without contacts; one with contacts is refused (409). */
    @Transactional
    public void delete(UUID id, List<Long> expectedVersions, ChangeContext context) {
        Instant now = Versions.now();
        Partner current = partners.find(id, true).orElseThrow(() -> notFound(id));
        Versions.check("Partner " + id, current.version(), expectedVersions);
        long contactCount = contacts.countOfPartner(id);
        if (contactCount > 0) {
            throw new ConflictException("Partner '" + current.name() + "' still has " + contactCount + " contact"
                    + (contactCount == 1 ? "" : "s") + ": delete them or move them to another partner first.",
                    Map.of("contactCount", contactCount));
        }
        partners.delete(id);
        events.partner(id, ChangeKind.DELETED, Changes.of(current, null), context, now);
    }

    private void ensureCrmIdsFree(Partner partner) {
        List<CrmKey> keys = partner.crmIds().entrySet().stream().map(e -> new CrmKey(e.getKey(), e.getValue())).toList();
        partners.idsByCrmIds(keys).forEach((key, owner) -> {
            if (!owner.equals(partner.id())) {
                throw new ConflictException("The " + key.system() + " id '" + key.crmId() + "' belongs to partner "
                        + owner + " already.", Map.of("pointer", "/crmIds/" + key.system(), "partnerId", owner.toString()));
            }
        });
    }

    private void save(List<Partner> created, List<Partner> updated) {
        try {
            partners.save(created, updated);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Another partner was given the same CRM id at the same moment; try again.");
        }
    }

    static NotFoundException notFound(UUID id) {
        return NotFoundException.of("Partner", id.toString());
    }
}
