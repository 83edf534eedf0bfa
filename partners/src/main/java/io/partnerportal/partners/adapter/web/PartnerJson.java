package io.partnerportal.partners.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.partners.domain.Partner;
import io.partnerportal.partners.domain.PropertyValues;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A partner as the admin API answers it; property values in their JSON form. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record PartnerJson(String id, String name, String website, Map<String, String> crmIds, Map<String, Object> properties,
                   long version, Instant createdAt, Instant updatedAt) {

    static PartnerJson of(Partner p) {
        return new PartnerJson(p.id().toString(), p.name(), p.website(), p.crmIds(), json(p.values()), p.version(),
                p.createdAt(), p.updatedAt());
    }

    static Map<String, Object> json(Map<String, Object> values) {
        Map<String, Object> json = new LinkedHashMap<>();
        values.forEach((k, v) -> json.put(k, PropertyValues.toJson(v)));
        return json;
    }
}
