package io.partnerportal.segments.application.port;

import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;

import java.time.Instant;
import java.util.Map;

/** Reads the recorded history of membership changes. */
public interface HistoryStore {

    /**
     * One history entry: a single member's join or leave, or (for a segment's history) a bulk
     * change summarised with its counts ({@code memberId} null).
     *
     * @param via {@code partner} when a contact's history shows its partner's partner-level change
     */
    record Entry(long id, Long batchId, String segmentId, String segmentName, long segmentVersion, String memberType,
                 String memberId, String partnerId, Boolean joined, Integer joinedCount, Integer leftCount,
                 String cause, Map<String, Object> detail, String actorKind, String actorId, String actorDisplay,
                 Instant at, String via) {
    }

    Page<Entry> ofSegment(String segmentId, PageRequest page);

    Page<Entry> ofBatch(String segmentId, long batchId, PageRequest page);

    boolean batchExists(String segmentId, long batchId);

    Page<Entry> ofPartner(String partnerId, PageRequest page);

    Page<Entry> ofContact(String contactId, String partnerId, PageRequest page);
}
