package io.partnerportal.audit.api;

import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;

/** Reads the audit log, newest first. */
public interface AuditLog {

    /**
     * @param entityType null for every type
     * @param entityId   null for every entity of the type
     */
    Page<AuditEntry> entries(String entityType, String entityId, PageRequest page);
}
