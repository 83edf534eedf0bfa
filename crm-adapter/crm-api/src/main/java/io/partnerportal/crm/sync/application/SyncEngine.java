package io.partnerportal.crm.sync.application;

import io.micronaut.context.BeanProvider;
import io.partnerportal.common.Actor;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.crm.api.CrmInbound;
import io.partnerportal.crm.api.SyncOutcome;
import io.partnerportal.crm.spi.CrmObject;
import io.partnerportal.crm.spi.CrmRecord;
import io.partnerportal.crm.spi.CrmRoleMapping;
import io.partnerportal.crm.sync.application.port.MappingStore;
import io.partnerportal.crm.sync.application.port.OutboxStore;
import io.partnerportal.crm.sync.domain.CrmMapping;
import io.partnerportal.crm.sync.domain.CrmValues;
import io.partnerportal.crm.sync.domain.FieldMapping;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.PartnerDirectory;
import io.partnerportal.partners.api.PropertyCatalogue;
import io.partnerportal.partners.api.PropertyCommands;
import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyLevel;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a CRM record to the partner or contact carrying its CRM id: the mapped fields are converted
 * to the properties' types and written through {@link PropertyCommands} with cause {@code CRM_SYNC} and
 * the system actor {@code crm-sync:<system>} (so nothing it writes is written back), then a person's
 * fields go to the roles module's {@link CrmRoleMapping} when there is one (it knows its role field). A field that cannot be applied
 * is reported and skipped; the others are still applied. A property with a write-back not delivered yet
 * keeps the portal's value (the CRM's is older). Each write is its own transaction.
 */
@Singleton
public class SyncEngine implements CrmInbound {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final ActiveConnector connector;
    private final MappingStore mappings;
    private final OutboxStore outbox;
    private final PartnerDirectory directory;
    private final PropertyCatalogue catalogue;
    private final PropertyCommands commands;
    private final BeanProvider<CrmRoleMapping> roles;

    SyncEngine(ActiveConnector connector, MappingStore mappings, OutboxStore outbox, PartnerDirectory directory,
               PropertyCatalogue catalogue, PropertyCommands commands, BeanProvider<CrmRoleMapping> roles) {
        this.connector = connector;
        this.mappings = mappings;
        this.outbox = outbox;
        this.directory = directory;
        this.catalogue = catalogue;
        this.commands = commands;
        this.roles = roles;
    }

    /** The context of every write the sync makes. */
    public ChangeContext context() {
        return new ChangeContext(ChangeCause.CRM_SYNC, Actor.system("crm-sync:" + connector.configured()));
    }

    @Override
    public SyncOutcome recordChanged(CrmRecord record) {
        String system = connector.configured();
        boolean company = record.object() == CrmObject.COMPANY;
        Optional<String> linked = company
                ? directory.partnerByCrmId(system, record.crmId()).map(p -> p.id())
                : directory.contactByCrmId(system, record.crmId()).map(c -> c.id());
        if (linked.isEmpty()) {
            return new SyncOutcome(SyncOutcome.Status.UNLINKED, null, List.of(), List.of());
        }
        String id = linked.get();
        CrmMapping mapping = mappings.get(false);
        Map<String, PropertyDefinition> definitions = new LinkedHashMap<>();
        catalogue.definitions(company ? PropertyLevel.PARTNER : PropertyLevel.CONTACT)
                .forEach(d -> definitions.put(d.key(), d));
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> waiting = outbox.undeliveredProperties(system, record.object(), record.crmId());
        for (FieldMapping m : mapping.of(record.object())) {
            if (!record.fields().containsKey(m.field()) || waiting.contains(m.property())) {
                continue;
            }
            PropertyDefinition definition = definitions.get(m.property());
            if (definition == null || definition.isSystem()) {
                problems.add(m.field() + ": the mapped property '" + m.property() + "' does not exist");
                continue;
            }
            try {
                values.put(m.property(), CrmValues.toPortal(definition.type().jsonName(), record.fields().get(m.field())));
            } catch (CrmValues.Unconvertible e) {
                problems.add(m.field() + ": " + e.getMessage());
            }
        }
        Map<String, Object> before = properties(company, id);
        boolean wrote = write(company, id, values, problems);
        Map<String, Object> after = wrote ? properties(company, id) : before;
        List<String> changed = values.keySet().stream()
                .filter(k -> !Objects.equals(before.get(k), after.get(k))).toList();
        if (!company) {
            roles.ifPresent(r -> r.applyCrmRole(id, record.fields(), context()));
        }
        if (!problems.isEmpty()) {
            LOG.info("CRM sync of {} {}: {}", record.object().jsonName(), record.crmId(), problems);
        }
        SyncOutcome.Status status = !changed.isEmpty() ? SyncOutcome.Status.UPDATED
                : !problems.isEmpty() && !wrote ? SyncOutcome.Status.FAILED : SyncOutcome.Status.UNCHANGED;
        return new SyncOutcome(status, id, changed, problems);
    }

    /**
     * Writes the values; a value the catalogue refuses is dropped (and reported) and the rest written
     * in a fresh transaction, since a refused write changed nothing.
     */
    private boolean write(boolean company, String id, Map<String, Object> values, List<String> problems) {
        Map<String, Object> remaining = new LinkedHashMap<>(values);
        while (!remaining.isEmpty()) {
            try {
                if (company) {
                    commands.setPartnerProperties(id, remaining, context());
                } else {
                    commands.setContactProperties(id, remaining, context());
                }
                values.keySet().retainAll(remaining.keySet());
                return true;
            } catch (InvalidInputException e) {
                int size = remaining.size();
                for (FieldError error : e.errors()) {
                    String pointer = error.pointer() == null ? "" : error.pointer();
                    String key = pointer.startsWith("/properties/") ? pointer.substring("/properties/".length()) : null;
                    if (key != null && remaining.remove(key) != null) {
                        problems.add(key + ": " + error.message());
                    }
                }
                if (remaining.size() == size) {
                    problems.add(e.getMessage());
                    values.clear();
                    return false;
                }
            }
        }
        values.clear();
        return false;
    }

    private Map<String, Object> properties(boolean company, String id) {
        return company ? directory.partner(id).map(p -> p.properties()).orElse(Map.of())
                : directory.contact(id).map(c -> c.properties()).orElse(Map.of());
    }
}
