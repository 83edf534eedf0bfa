package io.partnerportal.experiences.adapter.web;

import io.micronaut.serde.annotation.SerdeImport;
import io.partnerportal.common.Page;

/** Types answers carry as they are. */
@SerdeImport(Page.class)
final class SerializedTypes {

    private SerializedTypes() {
    }
}
