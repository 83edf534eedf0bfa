package io.partnerportal.partners.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConfigurationChanged;
import io.partnerportal.common.ConflictException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.partners.api.PropertyCatalogue;
import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.PropertyOption;
import io.partnerportal.partners.api.PropertyType;
import io.partnerportal.partners.application.port.PropertyDefinitionStore;
import io.partnerportal.partners.domain.CatalogueRules;
import io.partnerportal.partners.domain.LevelCatalogue;
import io.partnerportal.partners.domain.ValueTypes;
import io.partnerportal.partners.spi.PropertyUsage;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The property catalogue: reads for every module, and the admin's edits (add, relabel, change
 * options, archive). Removing an option or archiving a property that another module uses is refused
 * with the list of usages reported by every {@link PropertyUsage} bean.
 */
@Singleton
public class CatalogueService implements PropertyCatalogue, ValueTypes {

    /** The role of a new contact when the catalogue names none. */
    static final String FALLBACK_DEFAULT_ROLE = "sales_rep";

    private final PropertyDefinitionStore store;
    private final List<PropertyUsage> usages;
    private final ChangeEvents events;
    private final ApplicationEventPublisher<ConfigurationChanged> audit;
    /** Types never change once a property exists, so they can be cached for good (refreshed on a miss). */
    private final Map<PropertyLevel, Map<String, PropertyType>> types = new ConcurrentHashMap<>();

    CatalogueService(PropertyDefinitionStore store, List<PropertyUsage> usages, ChangeEvents events,
                     ApplicationEventPublisher<ConfigurationChanged> audit) {
        this.audit = audit;
        this.store = store;
        this.usages = usages;
        this.events = events;
    }

    @Override
    @Transactional
    public List<PropertyDefinition> definitions(PropertyLevel level) {
        return store.all(level);
    }

    @Override
    @Transactional
    public Optional<PropertyDefinition> find(PropertyLevel level, String key) {
        return store.find(level, key);
    }

    /** Called for every value read (a million times when segments stream the directory): a map look-up. */
    @Override
    public Optional<PropertyType> typeOf(PropertyLevel level, String key) {
        Map<String, PropertyType> known = types.get(level);
        if (known == null || !known.containsKey(key)) {
            Map<String, PropertyType> fresh = new ConcurrentHashMap<>();
            store.all(level).forEach(d -> fresh.put(d.key(), d.type()));
            types.put(level, fresh);
            known = fresh;
        }
        return Optional.ofNullable(known.get(key));
    }

    /**
     * The current definitions of a level, for validating a write. For contacts it takes the roles lock
     * shared (until the transaction ends), so the default role it reads stays the default until the
     * write commits: a concurrent change of the default waits, then re-points this contact too. Callers
     * read it before locking any contact row (one lock order, no deadlock).
     */
    @Transactional
    public LevelCatalogue level(PropertyLevel level) {
        String defaultRole = null;
        if (level == PropertyLevel.CONTACT) {
            store.lockRoles(false);
            defaultRole = store.defaultOption(PropertyLevel.CONTACT, "role").orElse(FALLBACK_DEFAULT_ROLE);
        }
        return new LevelCatalogue(level, store.all(level), defaultRole);
    }

    @Transactional
    public PropertyDefinition get(PropertyLevel level, String key) {
        return store.find(level, key).orElseThrow(() -> new NotFoundException("There is no " + level.prefix()
                + " property '" + key + "'."));
    }

    @Transactional
    public PropertyDefinition add(Map<String, Object> body, Actor actor) {
        PropertyDefinition definition = CatalogueRules.newDefinition(body);
        store.lockForEdit();
        if (!store.insert(definition)) {
            throw new ConflictException("The " + definition.level().prefix() + " property '" + definition.key()
                    + "' exists already.");
        }
        types.remove(definition.level());
        events.definition(null, definition);
        audit.publishEvent(new ConfigurationChanged("property", definition.qualifiedKey(), definition.label(), "created",
                null, snapshot(definition), actor, null));
        return definition;
    }

    @Transactional
    public PropertyDefinition edit(PropertyLevel level, String key, Map<String, Object> patch, Actor actor) {
        store.lockForEdit();
        PropertyDefinition current = get(level, key);
        if (current.isSystem()) {
            throw new ConflictException("'" + current.qualifiedKey() + "' is a system property (a field of the record "
                    + "itself) and cannot be edited.");
        }
        PropertyDefinition next = CatalogueRules.edit(current, patch);
        List<Map<String, Object>> inUse = new ArrayList<>();
        for (String option : CatalogueRules.removedOptions(current, next)) {
            inUse.addAll(usagesOf(level, key, option));
        }
        if (next.archived() && !current.archived()) {
            inUse.addAll(usagesOf(level, key, null));
        }
        if (!inUse.isEmpty()) {
            String what = next.archived() && !current.archived() ? "archived" : "changed this way";
            throw new ConflictException("'" + current.qualifiedKey() + "' is in use and cannot be " + what
                    + ": remove the usages listed first.", Map.of("usages", inUse));
        }
        if (next.equals(current)) {
            return current;
        }
        store.update(next, store.defaultOption(level, key).orElse(null));
        events.definition(current, next);
        audit.publishEvent(new ConfigurationChanged("property", next.qualifiedKey(), next.label(),
                next.archived() && !current.archived() ? "archived" : "updated", snapshot(current), snapshot(next),
                actor, null));
        return next;
    }

    /**
     * Replaces the options of {@code contact.role} and the default role of new contacts. Removing a
     * role that a condition (or any other {@link PropertyUsage}) uses is refused with the usages.
     */
    @Transactional
    public void defineRoles(List<PropertyOption> roles, String defaultRole) {
        List<PropertyOption> options = CatalogueRules.roleOptions(roles, defaultRole);
        store.lockForEdit();
        store.lockRoles(true);
        PropertyDefinition current = get(PropertyLevel.CONTACT, "role");
        PropertyDefinition next = new PropertyDefinition(current.level(), current.key(), current.label(),
                current.type(), current.source(), options, current.crmWritable(), current.archived());
        List<Map<String, Object>> inUse = new ArrayList<>();
        for (String option : CatalogueRules.removedOptions(current, next)) {
            inUse.addAll(usagesOf(PropertyLevel.CONTACT, "role", option));
        }
        if (!inUse.isEmpty()) {
            throw new ConflictException("A role that is in use cannot be removed: remove the usages listed first.",
                    Map.of("usages", inUse));
        }
        store.update(next, defaultRole);
        if (!next.equals(current)) {
            events.definition(current, next);
        }
    }

    /** Where a role key is used as an option of {@code contact.role} (segment conditions, ...). */
    @Transactional
    public List<PropertyUsage.Usage> roleUsages(String roleKey) {
        List<PropertyUsage.Usage> found = new ArrayList<>();
        for (PropertyUsage usage : usages) {
            found.addAll(usage.usagesOf(PropertyLevel.CONTACT, "role", roleKey));
        }
        return found;
    }

    private List<Map<String, Object>> usagesOf(PropertyLevel level, String key, String option) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (PropertyUsage usage : usages) {
            for (PropertyUsage.Usage u : usage.usagesOf(level, key, option)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", u.kind());
                m.put("id", u.id());
                m.put("name", u.name());
                m.put("detail", u.detail());
                if (option != null) {
                    m.put("option", option);
                }
                found.add(m);
            }
        }
        return found;
    }

    /** A catalogue entry as JSON-like data for the audit log. */
    private static Map<String, Object> snapshot(PropertyDefinition d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("level", d.level().prefix());
        json.put("key", d.key());
        json.put("label", d.label());
        json.put("type", d.type().jsonName());
        json.put("source", d.source().name().toLowerCase());
        json.put("options", d.options().stream().map(o -> Map.of("key", o.key(), "label", o.label())).toList());
        json.put("crmWritable", d.crmWritable());
        json.put("archived", d.archived());
        return json;
    }
}
