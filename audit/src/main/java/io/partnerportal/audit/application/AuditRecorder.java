package io.partnerportal.audit.application;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.audit.api.AuditEntry;
import io.partnerportal.audit.api.AuditLog;
import io.partnerportal.audit.application.port.AuditStore;
import io.partnerportal.common.ConfigurationChanged;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import jakarta.inject.Singleton;

/**
 * Records every configuration change in the transaction that made it, so the log never shows a
 * change that was rolled back and never misses one that committed.
 */
@Singleton
class AuditRecorder implements AuditLog {

    private final AuditStore store;

    AuditRecorder(AuditStore store) {
        this.store = store;
    }

    @EventListener
    @Transactional
    void onChange(ConfigurationChanged change) {
        store.append(change);
    }

    @Override
    @Transactional
    public Page<AuditEntry> entries(String entityType, String entityId, PageRequest page) {
        return store.find(entityType, entityId, page);
    }
}
