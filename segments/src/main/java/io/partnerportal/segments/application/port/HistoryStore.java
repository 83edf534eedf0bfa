package io.partnerportal.segments.application.port;

import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;

import java.time.Instant;
import java.util.List;
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

    /** Batches whose member rows are still to be written (ADR 0012), oldest first. */
    List<Long> pendingBatches();

    /**
     * Writes the member rows of a pending batch and marks it done, in the caller's transaction; waits
     * for another transaction expanding the same batch to finish.
     *
     * @return the rows written: 0 when the batch was not (or no longer) pending
     */
    int expandBatch(long batchId);
}
