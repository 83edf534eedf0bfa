package io.partnerportal.crm.sync.domain;

import io.partnerportal.crm.spi.CrmObject;

import java.util.Objects;

/** A CRM field and the portal property it syncs with ({@code company.tier ⇄ partner.tier}). */
public record FieldMapping(CrmObject object, String field, String property) {

    public FieldMapping {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(property, "property");
    }
}
