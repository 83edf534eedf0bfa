package io.partnerportal.partners.application;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.ConflictException;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Page;
import io.partnerportal.common.jdbc.DuplicateKeyException;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.PortalStatus;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.event.ChangeKind;
import io.partnerportal.partners.api.event.ValueChange;
import io.partnerportal.partners.application.port.ContactStore;
import io.partnerportal.partners.application.port.PartnerStore;
import io.partnerportal.partners.domain.Changes;
import io.partnerportal.partners.domain.Contact;
import io.partnerportal.partners.domain.CrmKey;
import io.partnerportal.partners.domain.DirectoryQuery;
import io.partnerportal.partners.domain.DirectoryRules;
import io.partnerportal.partners.domain.LevelCatalogue;
import io.partnerportal.partners.domain.RecordEdit;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Creates, edits, moves and deletes contacts, and keeps their account fields (portal status, last
 * login, effective role); each committed change publishes a {@code ContactChanged}.
 */
@Singleton
public class ContactService {

    private static final int ROLE_CHUNK = 1_000;

    private final ContactStore contacts;
    private final PartnerStore partners;
    private final CatalogueService catalogue;
    private final ChangeEvents events;

    ContactService(ContactStore contacts, PartnerStore partners, CatalogueService catalogue, ChangeEvents events) {
        this.contacts = contacts;
        this.partners = partners;
        this.catalogue = catalogue;
        this.events = events;
    }

    @Transactional
    public Contact get(UUID id) {
        return contacts.find(id, false).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public Page<Contact> list(DirectoryQuery query) {
        if (query.partnerId() != null && partners.find(query.partnerId(), false).isEmpty()) {
            throw PartnerService.notFound(query.partnerId());
        }
        return contacts.list(query);
    }

    @Transactional
    public Contact create(RecordEdit edit, ChangeContext context) {
        Instant now = Versions.now();
        LevelCatalogue levelCatalogue = catalogue.level(PropertyLevel.CONTACT);
        Contact contact = DirectoryRules.contact(null, UUID.randomUUID(), edit, levelCatalogue, now);
        requirePartner(contact.partnerId());
        ensureUnique(contact);
        save(List.of(contact), List.of());
        events.contact(contact.id(), contact.partnerId(), contact.partnerId(), ChangeKind.CREATED,
                Changes.of(null, contact), context, now);
        publishRoleAssignment(contact.id(), edit, context, now);
        return contact;
    }

    /**
     * Applies a merge patch; a changed {@code partnerId} moves the contact (the event then carries the
     * previous partner). Answers the current contact unchanged when the patch changes nothing.
     */
    @Transactional
    public Contact update(UUID id, RecordEdit edit, List<Long> expectedVersions, ChangeContext context) {
        Instant now = Versions.now();
        // the catalogue first: it takes the role lock before the contact's row lock (see CatalogueService#level)
        LevelCatalogue levelCatalogue = catalogue.level(PropertyLevel.CONTACT);
        Contact current = contacts.find(id, true).orElseThrow(() -> notFound(id));
        Versions.check("Contact " + id, current.version(), expectedVersions);
        Contact next = DirectoryRules.contact(current, id, edit, levelCatalogue, now);
        Map<String, ValueChange> changes = Changes.of(current, next);
        boolean moved = !next.partnerId().equals(current.partnerId());
        if (changes.isEmpty() && !moved && next.crmIds().equals(current.crmIds())) {
            publishRoleAssignment(id, edit, context, now);
            return current;
        }
        if (moved) {
            requirePartner(next.partnerId());
        }
        ensureUnique(next);
        next = next.withVersion(current.version() + 1, now);
        save(List.of(), List.of(next));
        events.contact(id, next.partnerId(), current.partnerId(), ChangeKind.UPDATED, changes, context, now);
        publishRoleAssignment(id, edit, context, now);
        return next;
    }

    @Transactional
    public void delete(UUID id, List<Long> expectedVersions, ChangeContext context) {
        Instant now = Versions.now();
        Contact current = contacts.find(id, true).orElseThrow(() -> notFound(id));
        Versions.check("Contact " + id, current.version(), expectedVersions);
        contacts.delete(id);
        events.contact(id, current.partnerId(), current.partnerId(), ChangeKind.DELETED, Changes.of(current, null),
                context, now);
    }

    @Transactional
    public Contact changePortalStatus(UUID id, PortalStatus status, ChangeContext context) {
        return update(id, RecordEdit.ofFields(Map.of("portalStatus", Contact.statusKey(status))), List.of(), context);
    }

    @Transactional
    public Contact recordLogin(UUID id, Instant at, ChangeContext context) {
        Contact current = contacts.find(id, true).orElseThrow(() -> notFound(id));
        Instant when = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Contact next = current.withLastLogin(when);
        contacts.recordLogin(id, when);
        events.contact(id, next.partnerId(), next.partnerId(), ChangeKind.UPDATED, Changes.of(current, next), context,
                Versions.now());
        return next;
    }

    /**
     * Sets the effective role of contacts (an assignment, or a change of the default role); only
     * contacts whose role really changes are written and get an event (cause {@code ROLE_CHANGE}).
     */
    @Transactional
    public int setEffectiveRole(Collection<String> contactIds, String roleKey, ChangeContext context) {
        List<FieldError> errors = new ArrayList<>();
        LevelCatalogue levelCatalogue = catalogue.level(PropertyLevel.CONTACT);
        String role = DirectoryRules.role(roleKey, "/role", levelCatalogue, errors);
        if (roleKey == null) {
            errors.add(FieldError.at("/role", "required", "a role key is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String contactId : contactIds) {
            ids.add(DirectoryRules.parseId(contactId).orElseThrow(() -> NotFoundException.of("Contact", contactId)));
        }
        ChangeContext roleChange = new ChangeContext(ChangeCause.ROLE_CHANGE, context.actor());
        Instant now = Versions.now();
        int changed = 0;
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += ROLE_CHUNK) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + ROLE_CHUNK));
            List<Contact> found = contacts.findAll(chunk, true);
            if (found.size() != chunk.size()) {
                Set<UUID> missing = new LinkedHashSet<>(chunk);
                found.forEach(c -> missing.remove(c.id()));
                throw NotFoundException.of("Contact", missing.iterator().next().toString());
            }
            List<Contact> updated = new ArrayList<>();
            List<Contact[]> pairs = new ArrayList<>();
            for (Contact current : found) {
                if (!current.role().equals(role)) {
                    Contact next = current.withRole(role, current.version() + 1, now);
                    updated.add(next);
                    pairs.add(new Contact[]{current, next});
                }
            }
            save(List.of(), updated);
            for (Contact[] pair : pairs) {
                events.contact(pair[1].id(), pair[1].partnerId(), pair[1].partnerId(), ChangeKind.UPDATED,
                        Changes.of(pair[0], pair[1]), roleChange, now);
            }
            changed += updated.size();
        }
        return changed;
    }

    /**
     * Re-points every contact whose effective role is {@code fromRole} to {@code toRole}, except the
     * given ones (a change of the default role: contacts assigned the old default keep it).
     */
    @Transactional
    public int repointRole(String fromRole, String toRole, Collection<String> except, ChangeContext context) {
        Set<UUID> kept = new java.util.HashSet<>();
        for (String contactId : except) {
            DirectoryRules.parseId(contactId).ifPresent(kept::add);
        }
        List<String> ids = new ArrayList<>();
        for (UUID id : contacts.idsWithRole(fromRole)) {
            if (!kept.contains(id)) {
                ids.add(id.toString());
            }
        }
        return ids.isEmpty() ? 0 : setEffectiveRole(ids, toRole, context);
    }

    /** Tells the roles module that the request named the contact's role (see {@code ContactRoleAssigned}). */
    void publishRoleAssignment(UUID contactId, RecordEdit edit, ChangeContext context, Instant now) {
        if (edit.has("role")) {
            events.roleAssigned(contactId, edit.field("role") instanceof String key ? key : null, context, now);
        }
    }

    private void requirePartner(UUID partnerId) {
        if (partners.lockExisting(List.of(partnerId)).isEmpty()) {
            throw InvalidInputException.of("/partnerId", "unknown_partner", "There is no partner " + partnerId + ".");
        }
    }

    private void ensureUnique(Contact contact) {
        UUID owner = contacts.idsByEmails(List.of(contact.email())).get(contact.email().toLowerCase(Locale.ROOT));
        if (owner != null && !owner.equals(contact.id())) {
            throw new ConflictException("A contact with the e-mail address " + contact.email() + " exists already.",
                    Map.of("pointer", "/email", "contactId", owner.toString()));
        }
        List<CrmKey> keys = contact.crmIds().entrySet().stream().map(e -> new CrmKey(e.getKey(), e.getValue())).toList();
        contacts.idsByCrmIds(keys).forEach((key, other) -> {
            if (!other.equals(contact.id())) {
                throw new ConflictException("The " + key.system() + " id '" + key.crmId() + "' belongs to contact "
                        + other + " already.", Map.of("pointer", "/crmIds/" + key.system(), "contactId", other.toString()));
            }
        });
    }

    private void save(List<Contact> created, List<Contact> updated) {
        try {
            contacts.save(created, updated);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Another contact was given the same e-mail address or CRM id at the same "
                    + "moment; try again.");
        }
    }

    static NotFoundException notFound(UUID id) {
        return NotFoundException.of("Contact", id.toString());
    }
}
