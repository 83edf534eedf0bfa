package io.partnerportal.crm.sync.application.port;

import io.partnerportal.crm.sync.domain.CrmMapping;

/** The CRM field mapping (a single row). */
public interface MappingStore {

    /** @param lock hold a row lock until the transaction ends (before an update) */
    CrmMapping get(boolean lock);

    void save(CrmMapping mapping);
}
