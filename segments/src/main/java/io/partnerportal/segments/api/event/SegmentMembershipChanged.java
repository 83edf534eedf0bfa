package io.partnerportal.segments.api.event;

import io.partnerportal.common.Actor;

import java.time.Instant;
import java.util.List;

/**
 * Members joined or left a segment. Published inside the transaction that changed the membership,
 * once per segment and transaction (a segment edit moving 100,000 members is one event).
 *
 * @param level  {@code partner} or {@code contact}
 * @param cause  why: {@code property_change}, {@code segment_edit}, {@code static_edit},
 *               {@code recompute}, {@code record_created}, {@code record_deleted}, {@code record_moved},
 *               {@code daily}, {@code segment_deleted}
 */
public record SegmentMembershipChanged(String segmentId, String level, List<MemberChange> changes, String cause,
                                       Actor actor, Instant at) {

    public SegmentMembershipChanged {
        changes = List.copyOf(changes);
    }
}
