package io.partnerportal.crm.sync.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConfigurationChanged;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.StaleVersionException;
import io.partnerportal.crm.spi.CrmObject;
import io.partnerportal.crm.sync.application.port.MappingStore;
import io.partnerportal.crm.sync.domain.CrmMapping;
import io.partnerportal.crm.sync.domain.TargetProperty;
import io.partnerportal.partners.api.PropertyCatalogue;
import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyLevel;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and replaces the CRM field mapping; every change is recorded in the audit log. */
@Singleton
public class MappingService {

    private static final Set<String> FIELDS = Set.of("fields", "version", "updatedAt");

    private final MappingStore store;
    private final PropertyCatalogue catalogue;
    private final ApplicationEventPublisher<ConfigurationChanged> audit;

    MappingService(MappingStore store, PropertyCatalogue catalogue, ApplicationEventPublisher<ConfigurationChanged> audit) {
        this.store = store;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    @Transactional
    public CrmMapping get() {
        return store.get(false);
    }

    @Transactional
    public CrmMapping replace(Map<String, Object> body, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        for (String member : body.keySet()) {
            if (!FIELDS.contains(member)) {
                errors.add(FieldError.at("/" + member, "unknown_field", "'" + member + "' is not part of the mapping "
                        + "(fields, version)"));
            }
        }
        CrmMapping parsed = CrmMapping.parse(body.get("fields"), targets(), errors);
        Object rawVersion = body.get("version");
        Long version = null;
        if (rawVersion instanceof BigDecimal v && v.signum() >= 0 && v.stripTrailingZeros().scale() <= 0) {
            version = v.longValue();
        } else {
            errors.add(FieldError.at("/version", rawVersion == null ? "required" : "wrong_value_type",
                    "version (a whole number, from GET) is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        CrmMapping current = store.get(true);
        if (current.version() != version) {
            throw new StaleVersionException("The CRM mapping", version, current.version());
        }
        CrmMapping next = new CrmMapping(parsed.fields(), current.version() + 1,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        store.save(next);
        audit.publishEvent(new ConfigurationChanged("crm_mapping", "crm-mapping", "CRM field mapping", "updated",
                snapshot(current), snapshot(next), actor, next.updatedAt()));
        return next;
    }

    /** JSON-like, for answers and the audit log. */
    public static Map<String, Object> snapshot(CrmMapping m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fields", m.fields().stream().map(f -> Map.of("object", f.object().jsonName(), "field", f.field(),
                "property", f.property())).toList());
        json.put("version", m.version());
        return json;
    }

    private Map<CrmObject, Map<String, TargetProperty>> targets() {
        Map<CrmObject, Map<String, TargetProperty>> targets = new EnumMap<>(CrmObject.class);
        targets.put(CrmObject.COMPANY, targets(PropertyLevel.PARTNER));
        targets.put(CrmObject.PERSON, targets(PropertyLevel.CONTACT));
        return targets;
    }

    private Map<String, TargetProperty> targets(PropertyLevel level) {
        Map<String, TargetProperty> byKey = new LinkedHashMap<>();
        for (PropertyDefinition d : catalogue.definitions(level)) {
            byKey.put(d.key(), new TargetProperty(d.key(), d.type().jsonName(), d.isSystem(), d.archived()));
        }
        return byKey;
    }
}
