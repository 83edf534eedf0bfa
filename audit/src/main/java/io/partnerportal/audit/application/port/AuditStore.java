package io.partnerportal.audit.application.port;

import io.partnerportal.audit.api.AuditEntry;
import io.partnerportal.common.ConfigurationChanged;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;

/** Where audit entries are kept. */
public interface AuditStore {

    void append(ConfigurationChanged change);

    Page<AuditEntry> find(String entityType, String entityId, PageRequest page);
}
