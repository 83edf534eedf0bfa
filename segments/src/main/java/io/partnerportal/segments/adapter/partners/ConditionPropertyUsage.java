package io.partnerportal.segments.adapter.partners;

import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.spi.PropertyUsage;
import io.partnerportal.segments.application.SegmentConditions;
import jakarta.inject.Singleton;

import java.util.List;

/** Tells the catalogue which segment conditions use a property or one of its options. */
@Singleton
class ConditionPropertyUsage implements PropertyUsage {

    private final SegmentConditions conditions;

    ConditionPropertyUsage(SegmentConditions conditions) {
        this.conditions = conditions;
    }

    @Override
    public List<Usage> usagesOf(PropertyLevel level, String key, String optionKey) {
        return conditions.usingProperty(level.prefix() + "." + key, optionKey).stream()
                .map(u -> new Usage("segment", u.segmentId(), u.segmentName(), u.detail())).toList();
    }
}
