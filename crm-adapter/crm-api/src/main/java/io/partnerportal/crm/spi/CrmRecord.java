package io.partnerportal.crm.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A CRM record as a connector reads it: its id in the CRM and its field values (JSON-like: string,
 * number, boolean, list of strings, null). Only the fields present are synced; a field present with
 * null (or an empty string) unsets the portal property it maps to.
 */
public record CrmRecord(CrmObject object, String crmId, Map<String, Object> fields) {

    public CrmRecord {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(crmId, "crmId");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
