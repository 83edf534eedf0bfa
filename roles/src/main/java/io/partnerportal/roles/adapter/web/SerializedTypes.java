package io.partnerportal.roles.adapter.web;

import io.micronaut.serde.annotation.SerdeImport;
import io.partnerportal.roles.domain.RoleUsageEntry;

/** Domain records answers carry as they are; imported here so the domain needs no annotations. */
@SerdeImport(RoleUsageEntry.class)
final class SerializedTypes {

    private SerializedTypes() {
    }
}
