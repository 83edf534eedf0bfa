package io.partnerportal.crm.demo.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A company of the demo CRM; {@code fields} hold its custom fields (tier, certified, industry, ...). */
public record DemoCompany(String crmId, String name, String domain, Map<String, Object> fields, long version,
                          Instant updatedAt) {

    public DemoCompany {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
