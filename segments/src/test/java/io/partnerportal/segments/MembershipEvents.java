package io.partnerportal.segments;

import io.micronaut.runtime.event.annotation.EventListener;
import io.partnerportal.segments.api.event.SegmentMembershipChanged;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the membership events this module publishes, as a consumer module would receive them. */
@Singleton
class MembershipEvents {

    private final List<SegmentMembershipChanged> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(SegmentMembershipChanged event) {
        received.add(event);
    }

    List<SegmentMembershipChanged> of(String segmentId) {
        return received.stream().filter(e -> e.segmentId().equals(segmentId)).toList();
    }
}
