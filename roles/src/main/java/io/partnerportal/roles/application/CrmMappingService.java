package io.partnerportal.roles.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConfigurationChanged;
import io.partnerportal.common.StaleVersionException;
import io.partnerportal.roles.application.port.CrmMappingStore;
import io.partnerportal.roles.application.port.RoleStore;
import io.partnerportal.roles.domain.CrmRoleMapping;
import io.partnerportal.roles.domain.Role;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CRM role mapping: read by the CRM sync, replaced by admins (audited). */
@Singleton
public class CrmMappingService {

    private final CrmMappingStore store;
    private final RoleStore roles;
    private final ApplicationEventPublisher<ConfigurationChanged> audit;

    CrmMappingService(CrmMappingStore store, RoleStore roles, ApplicationEventPublisher<ConfigurationChanged> audit) {
        this.store = store;
        this.roles = roles;
        this.audit = audit;
    }

    @Transactional
    public CrmRoleMapping get() {
        return store.load();
    }

    @Transactional
    public CrmRoleMapping replace(Map<String, Object> body, Actor actor) {
        roles.lock(false); // a role being deleted is not mapped meanwhile
        long version = store.lock();
        Object sent = body.get("version");
        if (sent instanceof Number n && n.longValue() != version) {
            throw new StaleVersionException("The CRM role mapping", n.longValue(), version);
        }
        CrmRoleMapping before = store.load();
        CrmRoleMapping next = CrmRoleMapping.fromRequest(body, roles.all().stream().map(Role::key).toList(),
                version + 1);
        if (next.entries().equals(before.entries()) && java.util.Objects.equals(next.field(), before.field())) {
            return before;
        }
        store.replace(next);
        audit.publishEvent(new ConfigurationChanged("role_crm_mapping", "crm-mapping", "CRM role mapping", "updated",
                snapshot(before), snapshot(next), actor, null));
        return next;
    }

    static Map<String, Object> snapshot(CrmRoleMapping m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", m.field());
        json.put("mappings", m.entries().stream().map(e -> Map.of("crmValue", e.crmValue(), "role", e.roleKey()))
                .toList());
        json.put("version", m.version());
        return json;
    }

    static List<CrmRoleMapping.Entry> entries(CrmRoleMapping m) {
        return m.entries();
    }
}
