package io.partnerportal.segments.adapter.web;

import io.micronaut.serde.annotation.SerdeImport;
import io.partnerportal.segments.application.RecomputeReport;
import io.partnerportal.segments.application.SegmentInsight;
import io.partnerportal.segments.domain.condition.ConditionWarning;
import io.partnerportal.segments.spi.GatedItems;

/**
 * Records of the application, domain and spi that answers carry as they are; imported here so
 * those layers need no serialization annotations.
 */
@SerdeImport(RecomputeReport.class)
@SerdeImport(SegmentInsight.Preview.class)
@SerdeImport(ConditionWarning.class)
@SerdeImport(GatedItems.Usage.class)
@SerdeImport(GatedItems.Decision.class)
final class SerializedTypes {

    private SerializedTypes() {
    }
}
