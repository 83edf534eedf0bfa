package io.partnerportal.partners.application;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.event.ChangeKind;
import io.partnerportal.partners.api.event.ValueChange;
import io.partnerportal.partners.application.port.ContactStore;
import io.partnerportal.partners.application.port.PartnerStore;
import io.partnerportal.partners.domain.Changes;
import io.partnerportal.partners.domain.Contact;
import io.partnerportal.partners.domain.CrmKey;
import io.partnerportal.partners.domain.DirectoryRules;
import io.partnerportal.partners.domain.ImportOutcome;
import io.partnerportal.partners.domain.ImportRow;
import io.partnerportal.partners.domain.LevelCatalogue;
import io.partnerportal.partners.domain.Partner;
import io.partnerportal.partners.domain.RecordEdit;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one batch of import rows in one transaction: a few set-based look-ups (by id, CRM id,
 * e-mail), the rules applied row by row in memory, then a few batched writes and one change event
 * per changed row (cause IMPORT). A row that breaks a rule fails alone; anything else (a listener
 * throwing, a race on a unique key) fails the batch, which the caller then retries row by row.
 * <p>
 * Upsert keys: a partner is matched by {@code id}, then by any of its CRM ids, never by name (names
 * are not unique); a contact by {@code id}, then CRM id, then e-mail (case-insensitive).
 */
@Singleton
class ImportBatches {

    private final PartnerStore partners;
    private final ContactStore contacts;
    private final CatalogueService catalogue;
    private final ChangeEvents events;

    ImportBatches(PartnerStore partners, ContactStore contacts, CatalogueService catalogue, ChangeEvents events) {
        this.partners = partners;
        this.contacts = contacts;
        this.catalogue = catalogue;
        this.events = events;
    }

    @Transactional
    public List<ImportOutcome> partners(List<ImportRow> rows, ChangeContext context) {
        Instant now = Versions.now();
        LevelCatalogue levelCatalogue = catalogue.level(PropertyLevel.PARTNER);
        Set<CrmKey> keys = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        for (ImportRow row : rows) {
            keys.addAll(crmKeys(row.edit().crmIds()));
            if (row.id() != null) {
                ids.add(row.id());
            }
        }
        Map<CrmKey, UUID> crmIndex = new HashMap<>(partners.idsByCrmIds(keys));
        ids.addAll(crmIndex.values());
        Map<UUID, Partner> state = new HashMap<>();
        partners.findAll(ids, true).forEach(p -> state.put(p.id(), p));

        Set<UUID> created = new LinkedHashSet<>();
        Set<UUID> updated = new LinkedHashSet<>();
        List<Runnable> publications = new ArrayList<>();
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (ImportRow row : rows) {
            try {
                UUID target = target("partner", row.id(), row.edit().crmIds(), crmIndex, state.keySet(), null);
                Partner current = target == null ? null : state.get(target);
                Partner next = DirectoryRules.partner(current, target == null ? UUID.randomUUID() : target, row.edit(),
                        levelCatalogue, now);
                checkCrmIds("partner", next.id(), next.crmIds(), crmIndex);
                Map<String, ValueChange> changes = Changes.of(current, next);
                if (current != null && changes.isEmpty() && next.crmIds().equals(current.crmIds())) {
                    outcomes.add(ImportOutcome.of(row.line(), ImportOutcome.Result.UNCHANGED));
                    continue;
                }
                if (current != null) {
                    next = next.withVersion(current.version() + 1, now);
                    unindex(current.id(), current.crmIds(), crmIndex);
                }
                index(next.id(), next.crmIds(), crmIndex);
                state.put(next.id(), next);
                ChangeKind kind = current == null ? ChangeKind.CREATED : ChangeKind.UPDATED;
                if (current == null) {
                    created.add(next.id());
                } else if (!created.contains(next.id())) {
                    updated.add(next.id());
                }
                UUID id = next.id();
                publications.add(() -> events.partner(id, kind, changes, context, now));
                outcomes.add(ImportOutcome.of(row.line(), current == null ? ImportOutcome.Result.CREATED
                        : ImportOutcome.Result.UPDATED));
            } catch (InvalidInputException e) {
                outcomes.add(ImportOutcome.failed(row.line(), e.errors()));
            }
        }
        partners.save(created.stream().map(state::get).toList(), updated.stream().map(state::get).toList());
        publications.forEach(Runnable::run);
        return outcomes;
    }

    @Transactional
    public List<ImportOutcome> contacts(List<ImportRow> rows, ChangeContext context) {
        Instant now = Versions.now();
        LevelCatalogue levelCatalogue = catalogue.level(PropertyLevel.CONTACT);
        Set<CrmKey> keys = new HashSet<>();
        Set<CrmKey> partnerKeys = new HashSet<>();
        Set<String> emails = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        Set<UUID> partnerIds = new HashSet<>();
        for (ImportRow row : rows) {
            keys.addAll(crmKeys(row.edit().crmIds()));
            row.partnerCrmIds().forEach((system, id) -> partnerKeys.add(new CrmKey(system, id)));
            if (row.edit().field("email") instanceof String email) {
                emails.add(email.trim().toLowerCase(Locale.ROOT));
            }
            if (row.edit().field("partnerId") instanceof String partnerId) {
                DirectoryRules.parseId(partnerId).ifPresent(partnerIds::add);
            }
            if (row.id() != null) {
                ids.add(row.id());
            }
        }
        Map<CrmKey, UUID> crmIndex = new HashMap<>(contacts.idsByCrmIds(keys));
        Map<String, UUID> emailIndex = new HashMap<>(contacts.idsByEmails(emails));
        Map<CrmKey, UUID> partnerCrmIndex = partners.idsByCrmIds(partnerKeys);
        partnerIds.addAll(partnerCrmIndex.values());
        Set<UUID> existingPartners = partners.lockExisting(partnerIds);
        ids.addAll(crmIndex.values());
        ids.addAll(emailIndex.values());
        Map<UUID, Contact> state = new HashMap<>();
        contacts.findAll(ids, true).forEach(c -> state.put(c.id(), c));

        Set<UUID> created = new LinkedHashSet<>();
        Set<UUID> updated = new LinkedHashSet<>();
        List<Runnable> publications = new ArrayList<>();
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (ImportRow row : rows) {
            try {
                String email = row.edit().field("email") instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : null;
                UUID target = target("contact", row.id(), row.edit().crmIds(), crmIndex, state.keySet(),
                        email == null ? null : emailIndex.get(email));
                Contact current = target == null ? null : state.get(target);
                RecordEdit edit = withPartner(row, partnerCrmIndex);
                Contact next = DirectoryRules.contact(current, target == null ? UUID.randomUUID() : target, edit,
                        levelCatalogue, now);
                if ((current == null || !current.partnerId().equals(next.partnerId()))
                        && !existingPartners.contains(next.partnerId())) {
                    throw InvalidInputException.of("/partnerId", "unknown_partner", "there is no partner "
                            + next.partnerId());
                }
                UUID emailOwner = emailIndex.get(next.email().toLowerCase(Locale.ROOT));
                if (emailOwner != null && !emailOwner.equals(next.id())) {
                    throw InvalidInputException.of("/email", "duplicate", "another contact has the e-mail address "
                            + next.email());
                }
                checkCrmIds("contact", next.id(), next.crmIds(), crmIndex);
                Map<String, ValueChange> changes = Changes.of(current, next);
                boolean moved = current != null && !current.partnerId().equals(next.partnerId());
                UUID assignee = next.id();
                Runnable roleAssignment = !edit.has("role") ? () -> { }
                        : () -> events.roleAssigned(assignee, edit.field("role") instanceof String key ? key : null,
                        context, now);
                if (current != null && changes.isEmpty() && !moved && next.crmIds().equals(current.crmIds())) {
                    publications.add(roleAssignment);
                    outcomes.add(ImportOutcome.of(row.line(), ImportOutcome.Result.UNCHANGED));
                    continue;
                }
                if (current != null) {
                    next = next.withVersion(current.version() + 1, now);
                    unindex(current.id(), current.crmIds(), crmIndex);
                    emailIndex.remove(current.email().toLowerCase(Locale.ROOT), current.id());
                }
                index(next.id(), next.crmIds(), crmIndex);
                emailIndex.put(next.email().toLowerCase(Locale.ROOT), next.id());
                state.put(next.id(), next);
                ChangeKind kind = current == null ? ChangeKind.CREATED : ChangeKind.UPDATED;
                if (current == null) {
                    created.add(next.id());
                } else if (!created.contains(next.id())) {
                    updated.add(next.id());
                }
                UUID id = next.id();
                UUID partnerId = next.partnerId();
                UUID previousPartnerId = current == null ? next.partnerId() : current.partnerId();
                publications.add(() -> events.contact(id, partnerId, previousPartnerId, kind, changes, context, now));
                publications.add(roleAssignment);
                outcomes.add(ImportOutcome.of(row.line(), current == null ? ImportOutcome.Result.CREATED
                        : ImportOutcome.Result.UPDATED));
            } catch (InvalidInputException e) {
                outcomes.add(ImportOutcome.failed(row.line(), e.errors()));
            }
        }
        contacts.save(created.stream().map(state::get).toList(), updated.stream().map(state::get).toList());
        publications.forEach(Runnable::run);
        return outcomes;
    }

    /** The row's partner named by CRM ids becomes its {@code partnerId}. */
    private static RecordEdit withPartner(ImportRow row, Map<CrmKey, UUID> partnerCrmIndex) {
        if (row.partnerCrmIds().isEmpty()) {
            return row.edit();
        }
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> named = new LinkedHashSet<>();
        row.partnerCrmIds().forEach((system, id) -> {
            UUID partner = partnerCrmIndex.get(new CrmKey(system, id));
            if (partner == null) {
                errors.add(FieldError.at(JsonPointer.of("partnerCrmIds", system), "unknown_partner",
                        "there is no partner with the " + system + " id '" + id + "'"));
            } else {
                named.add(partner);
            }
        });
        if (row.edit().field("partnerId") instanceof String explicit) {
            DirectoryRules.parseId(explicit).ifPresent(named::add);
        }
        if (named.size() > 1) {
            errors.add(FieldError.at("/partnerCrmIds", "ambiguous_partner", "the partner ids of the row name "
                    + "different partners"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, Object> fields = new LinkedHashMap<>(row.edit().fields());
        fields.put("partnerId", named.iterator().next().toString());
        return new RecordEdit(fields, row.edit().crmIds(), row.edit().properties(), row.edit().shapeErrors());
    }

    /** The existing (or earlier in this batch) record the row updates, or null to create one. */
    private static UUID target(String what, UUID id, Map<String, Object> crmIds, Map<CrmKey, UUID> crmIndex,
                               Set<UUID> known, UUID byEmail) {
        if (id != null) {
            if (!known.contains(id)) {
                throw InvalidInputException.of("/id", "unknown_id", "there is no " + what + " " + id);
            }
            return id;
        }
        Set<UUID> matches = new LinkedHashSet<>();
        for (CrmKey key : crmKeys(crmIds)) {
            UUID owner = crmIndex.get(key);
            if (owner != null) {
                matches.add(owner);
            }
        }
        if (matches.size() > 1) {
            throw InvalidInputException.of("/crmIds", "ambiguous", "the CRM ids of the row belong to different "
                    + what + "s");
        }
        if (!matches.isEmpty()) {
            return matches.iterator().next();
        }
        return byEmail;
    }

    private static void checkCrmIds(String what, UUID id, Map<String, String> crmIds, Map<CrmKey, UUID> crmIndex) {
        List<FieldError> errors = new ArrayList<>();
        crmIds.forEach((system, crmId) -> {
            UUID owner = crmIndex.get(new CrmKey(system, crmId));
            if (owner != null && !owner.equals(id)) {
                errors.add(FieldError.at(JsonPointer.of("crmIds", system), "duplicate", "the " + system + " id '"
                        + crmId + "' belongs to another " + what));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static Set<CrmKey> crmKeys(Map<String, Object> crmIds) {
        Set<CrmKey> keys = new HashSet<>();
        crmIds.forEach((system, id) -> {
            if (id instanceof String s && !s.isBlank()) {
                keys.add(new CrmKey(system, s.trim()));
            }
        });
        return keys;
    }

    private static void index(UUID id, Map<String, String> crmIds, Map<CrmKey, UUID> crmIndex) {
        crmIds.forEach((system, crmId) -> crmIndex.put(new CrmKey(system, crmId), id));
    }

    private static void unindex(UUID id, Map<String, String> crmIds, Map<CrmKey, UUID> crmIndex) {
        crmIds.forEach((system, crmId) -> crmIndex.remove(new CrmKey(system, crmId), id));
    }
}
