package io.partnerportal.segments;

import io.partnerportal.segments.api.Audience;
import io.partnerportal.segments.api.SegmentAccess;
import io.partnerportal.segments.spi.GatedItems;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A consumer of this module's SPI for its own tests: one tab whose visibility is an audience, as the
 * experiences module has many. Unconfigured, it gates nothing, so other tests never see it.
 */
@Singleton
class GatedTab implements GatedItems {

    private final SegmentAccess access;
    private volatile String name;
    private volatile Audience audience;

    GatedTab(SegmentAccess access) {
        this.access = access;
    }

    void gate(String tabName, Audience tabAudience) {
        this.name = tabName;
        this.audience = tabAudience;
    }

    void clear() {
        this.audience = null;
    }

    @Override
    public List<Usage> usages(String segmentId) {
        Audience current = audience;
        if (current instanceof Audience.AnyOfSegments any && any.segmentIds().contains(segmentId)) {
            return List.of(new Usage("tab", "tab-" + name, name, "visibility of tab " + name));
        }
        return List.of();
    }

    @Override
    public List<Decision> describe(String contactId) {
        Audience current = audience;
        if (current == null) {
            return List.of();
        }
        boolean allowed = access.isAdmitted(contactId, current);
        String reason = current instanceof Audience.AnyOfSegments any
                ? (allowed ? "in one of " : "in none of ") + any.segmentIds() : "everyone";
        return List.of(new Decision("tab", "tab-" + name, name, allowed, reason));
    }
}
