package io.partnerportal.crm.demo.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A person of the demo CRM, working at a company; {@code fields} hold job role, certified, language, .... */
public record DemoPerson(String crmId, String companyCrmId, String email, String firstName, String lastName,
                         Map<String, Object> fields, long version, Instant updatedAt) {

    public DemoPerson {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
