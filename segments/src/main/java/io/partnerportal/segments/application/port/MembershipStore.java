package io.partnerportal.segments.application.port;

import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.segments.domain.segment.MembershipCause;
import io.partnerportal.segments.domain.segment.MembershipDiff;
import io.partnerportal.segments.domain.SegmentLevel;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The materialized membership: partners in partner-level segments, contacts in contact-level ones,
 * the history of every join and leave, and the segments module's own copy of which contact belongs
 * to which partner (kept from change events, so no other module's tables are read).
 */
public interface MembershipStore {

    /**
     * A segment's diff larger than this is recorded as one batch entry: its member rows are written
     * after commit from the members the batch holds (ADR 0012, {@link HistoryStore#expandBatch}).
     */
    int BATCH_THRESHOLD = 50;

    /** Of the given members, those currently in the segment. */
    Set<String> membersAmong(String segmentId, SegmentLevel level, Collection<String> memberIds);

    boolean isMember(String segmentId, SegmentLevel level, String memberId);

    /**
     * For several segments (all of one level) at once: which of the given members are in each (one
     * round trip; segments without any of them are absent from the answer).
     */
    Map<String, Set<String>> membersAmong(SegmentLevel level, Collection<String> segmentIds,
                                          Collection<String> memberIds);

    Set<String> allMembers(String segmentId, SegmentLevel level);

    void forEachMember(String segmentId, SegmentLevel level, Consumer<String> consumer);

    Page<String> members(String segmentId, SegmentLevel level, PageRequest page);

    /** Up to {@code limit} members with ids above {@code afterId} ("" for the first page), in id order. */
    java.util.List<String> membersAfter(String segmentId, SegmentLevel level, String afterId, int limit);

    long memberCount(String segmentId, SegmentLevel level);

    /** Contacts reached: the members themselves, or the contacts of member partners. */
    long contactCount(String segmentId, SegmentLevel level);

    /**
     * Writes the diff and its history (a batch pending expansion when larger than {@link #BATCH_THRESHOLD});
     * {@code partnerOf} maps contact members to their partner.
     */
    void apply(String segmentId, long segmentVersion, SegmentLevel level, MembershipDiff diff,
               Map<String, String> partnerOf, MembershipCause cause);

    /** One segment's part of {@link #applyAll}. */
    record SegmentChange(String segmentId, long segmentVersion, SegmentLevel level, MembershipDiff diff,
                         Map<String, String> partnerOf) {
    }

    /**
     * {@link #apply} for many segments in a handful of set-based statements (whatever the number of
     * segments): every join, every leave, the batch entries and the history rows.
     */
    void applyAll(java.util.List<SegmentChange> changes, MembershipCause cause);

    /** Removes every membership of a record (it was deleted) with history. */
    void removeEverywhere(SegmentLevel level, String memberId, String partnerId, MembershipCause cause);

    Set<String> segmentsOfPartner(String partnerId);

    /** Whether the contact, or its partner, is in at least one of the segments. */
    boolean inAnyOf(String contactId, Collection<String> segmentIds);

    Set<String> contactLevelSegmentsOf(String contactId);

    // --- who belongs to whom (segments' own copy) ---

    /** Locks the partners' guard rows (sorted), serialising every evaluation that touches them. */
    void lockPartners(Collection<String> partnerIds);

    void partnerCreated(String partnerId);

    void partnerDeleted(String partnerId);

    void contactPlaced(String contactId, String partnerId, String previousPartnerId);

    void contactRemoved(String contactId, String partnerId);

    String partnerOfContact(String contactId);

    java.util.List<String> contactsOfPartner(String partnerId);

    /** Streams every (contact, partner) pair of segments' copy of the directory, in contact id order. */
    void forEachPlacement(java.util.function.BiConsumer<String, String> contactAndPartner);

    /** Streams every partner id of segments' copy of the directory, in id order. */
    void forEachPartnerId(Consumer<String> partner);

    /** Streams every (segment, member) pair of a level. */
    void forEachMembership(SegmentLevel level, java.util.function.BiConsumer<String, String> segmentAndMember);

    /**
     * Makes the copy equal to the directory (full recompute), removing the memberships of records
     * that no longer exist; returns how many rows differed.
     */
    long resynchronize(DirectoryPlacements directory);

    /** Who belongs to whom according to the directory, streamed. */
    interface DirectoryPlacements {
        void forEachPartner(Consumer<UUID> partner);

        void forEachContact(java.util.function.BiConsumer<UUID, UUID> contactAndPartner);
    }

    /** Whether any membership row exists (of either level). */
    boolean anyMembership();

    /**
     * Streams every (segment, member) pair of a level as UUIDs (bulk reads), in the table's physical
     * order: a segment's rows together and in id order where the initial computation wrote them, not
     * guaranteed after real-time changes.
     */
    void forEachMembershipId(SegmentLevel level, java.util.function.BiConsumer<UUID, UUID> segmentAndMember);

    /**
     * Writes memberships with COPY (an initial computation into empty membership tables); the rows
     * should come in (segment, member) order. Returns the rows written.
     */
    long copyMembers(SegmentLevel level, Consumer<java.util.function.BiConsumer<UUID, UUID>> rows);

    /** One history entry per segment summarising a bulk change without member rows (see ADR 0009). */
    record BatchSummary(String segmentId, long segmentVersion, long joined, long left) {
    }

    void recordBatches(java.util.List<BatchSummary> batches, MembershipCause cause);
}
