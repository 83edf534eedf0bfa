package io.partnerportal.roles.application.port;

import io.partnerportal.roles.domain.CrmRoleMapping;

/** Where the CRM role mapping is kept. */
public interface CrmMappingStore {

    /** The mapping with role keys resolved. */
    CrmRoleMapping load();

    /** Replaces the whole mapping (locks it first: concurrent replacements run one after the other). */
    void replace(CrmRoleMapping mapping);

    /** Locks the mapping until the transaction ends and answers its version. */
    long lock();
}
