package io.partnerportal.crm.sync.application;

import io.partnerportal.common.Actor;
import io.partnerportal.crm.spi.CrmConnector;
import io.partnerportal.crm.spi.CrmObject;
import io.partnerportal.crm.sync.application.port.MappingStore;
import io.partnerportal.crm.sync.application.port.OutboxStore;
import io.partnerportal.crm.sync.domain.CrmMapping;
import io.partnerportal.crm.sync.domain.CrmValues;
import io.partnerportal.crm.sync.domain.OutboxEntry;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.PartnerDirectory;
import io.partnerportal.partners.api.PropertyCatalogue;
import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.PropertySource;
import io.partnerportal.partners.api.event.ChangeKind;
import io.partnerportal.partners.api.event.ContactChanged;
import io.partnerportal.partners.api.event.PartnerChanged;
import io.partnerportal.partners.api.event.ValueChange;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Queues CRM write-backs in the transaction of the change (the transactional outbox): every change of a
 * CRM property the CRM lets the portal write ({@code crmWritable}), of a partner or contact that has an
 * id in the active CRM, becomes one outbox entry per property — unless the change came from the CRM
 * sync itself (no echo).
 */
@Singleton
public class WriteBackQueue {

    private final ActiveConnector connector;
    private final PropertyCatalogue catalogue;
    private final PartnerDirectory directory;
    private final MappingStore mappings;
    private final OutboxStore outbox;
    /** A property's source never changes, so it is remembered; unknown keys reload the level. */
    private final Map<PropertyLevel, Map<String, PropertySource>> sources = new ConcurrentHashMap<>();

    WriteBackQueue(ActiveConnector connector, PropertyCatalogue catalogue, PartnerDirectory directory,
                   MappingStore mappings, OutboxStore outbox) {
        this.connector = connector;
        this.catalogue = catalogue;
        this.directory = directory;
        this.mappings = mappings;
        this.outbox = outbox;
    }

    public void onPartnerChanged(PartnerChanged event) {
        if (relevant(event.kind(), event.cause(), event.changes(), PropertyLevel.PARTNER)) {
            directory.partner(event.partnerId()).ifPresent(p -> queue(CrmObject.COMPANY, PropertyLevel.PARTNER,
                    p.id(), p.crmIds(), event.changes(), event.cause(), event.actor(), event.at()));
        }
    }

    public void onContactChanged(ContactChanged event) {
        if (relevant(event.kind(), event.cause(), event.changes(), PropertyLevel.CONTACT)) {
            directory.contact(event.contactId()).ifPresent(c -> queue(CrmObject.PERSON, PropertyLevel.CONTACT,
                    c.id(), c.crmIds(), event.changes(), event.cause(), event.actor(), event.at()));
        }
    }

    /** Cheap checks first: most changes (imports of portal properties, logins) never touch the outbox. */
    private boolean relevant(ChangeKind kind, ChangeCause cause, Map<String, ValueChange> changes, PropertyLevel level) {
        return kind == ChangeKind.UPDATED && cause != ChangeCause.CRM_SYNC && connector.get().isPresent()
                && changes.keySet().stream().anyMatch(key -> source(level, key) == PropertySource.CRM);
    }

    private void queue(CrmObject object, PropertyLevel level, String recordId, Map<String, String> crmIds,
                       Map<String, ValueChange> changes, ChangeCause cause, Actor actor, Instant at) {
        CrmConnector active = connector.get().orElseThrow();
        String crmId = crmIds.get(active.system());
        if (crmId == null) {
            return;
        }
        CrmMapping mapping = mappings.get(false);
        List<OutboxEntry> entries = new ArrayList<>();
        for (Map.Entry<String, ValueChange> change : changes.entrySet()) {
            if (source(level, change.getKey()) != PropertySource.CRM) {
                continue;
            }
            Optional<PropertyDefinition> definition = catalogue.find(level, change.getKey());
            if (definition.isEmpty() || !definition.get().crmWritable()) {
                continue;
            }
            entries.add(new OutboxEntry(UUID.randomUUID(), 0, active.system(), object, crmId, UUID.fromString(recordId),
                    mapping.fieldFor(object, change.getKey()), change.getKey(), CrmValues.toCrm(change.getValue().after()),
                    cause.jsonName(), actor, OutboxEntry.Status.PENDING, 0, null, at, at, null));
        }
        outbox.add(entries);
    }

    private PropertySource source(PropertyLevel level, String key) {
        Map<String, PropertySource> known = sources.get(level);
        if (known == null || !known.containsKey(key)) {
            Map<String, PropertySource> fresh = new ConcurrentHashMap<>();
            catalogue.definitions(level).forEach(d -> fresh.put(d.key(), d.source()));
            sources.put(level, fresh);
            known = fresh;
        }
        return known.get(key);
    }
}
