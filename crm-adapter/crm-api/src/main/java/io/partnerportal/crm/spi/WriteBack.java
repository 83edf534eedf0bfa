package io.partnerportal.crm.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A portal change to write to the CRM. The idempotency key is the same on every attempt: a connector
 * passes it on (or remembers it) so that a retry after a lost answer changes nothing twice.
 *
 * @param fields CRM field names and JSON-like values (null unsets)
 */
public record WriteBack(String idempotencyKey, CrmObject object, String crmId, Map<String, Object> fields) {

    public WriteBack {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(crmId, "crmId");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
