package io.partnerportal.partners.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.partners.domain.Contact;

import java.time.Instant;
import java.util.Map;

/** A contact as the admin API answers it; {@code role} is the effective role. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record ContactJson(String id, String partnerId, String email, String firstName, String lastName, String portalStatus,
                   String role, Instant lastLogin, Map<String, String> crmIds, Map<String, Object> properties,
                   long version, Instant createdAt, Instant updatedAt) {

    static ContactJson of(Contact c) {
        return new ContactJson(c.id().toString(), c.partnerId().toString(), c.email(), c.firstName(), c.lastName(),
                Contact.statusKey(c.portalStatus()), c.role(), c.lastLogin(), c.crmIds(), PartnerJson.json(c.values()),
                c.version(), c.createdAt(), c.updatedAt());
    }
}
