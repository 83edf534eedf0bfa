package io.partnerportal.segments.application;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.application.port.SegmentStore;
import io.partnerportal.segments.domain.segment.Segment;
import jakarta.inject.Singleton;

import java.util.HashMap;
import io.partnerportal.segments.domain.SegmentLevel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compares this instance's in-memory access index with the persisted membership, after catching
 * up with the journal: the proof that the fast path answers exactly what the database says.
 */
@Singleton
public class IndexVerification {

    private final AccessIndex index;
    private final IndexFollower follower;
    private final SegmentStore store;
    private final MembershipStore memberships;

    IndexVerification(AccessIndex index, IndexFollower follower, SegmentStore store, MembershipStore memberships) {
        this.index = index;
        this.follower = follower;
        this.store = store;
        this.memberships = memberships;
    }

    /**
     * @param ready             whether the index is loaded (if not, nothing is compared)
     * @param journalPosition   the last journal entry applied
     * @param differences       members present on one side only, by segment id
     * @param placementDifferences contacts whose partner differs between index and database
     */
    @Serdeable
    public record Report(boolean ready, long journalPosition, Map<String, Long> differences,
                         long placementDifferences) {
        public boolean consistent() {
            return ready && differences.isEmpty() && placementDifferences == 0;
        }
    }

    /**
     * One pass over each membership table: every persisted membership must be in the index, and every
     * segment must have as many members in the index as in the database (so the index holds no extra
     * ones either). Placements likewise.
     */
    @Transactional
    public Report verify() {
        if (!index.ready()) {
            return new Report(false, follower.applied(), Map.of(), 0);
        }
        follower.catchUpNow();
        Map<String, long[]> counts = new HashMap<>(); // segment id -> {persisted, missing from the index}
        for (Segment segment : store.findAll()) {
            counts.put(segment.id(), new long[2]);
        }
        for (SegmentLevel level : SegmentLevel.values()) {
            memberships.forEachMembershipId(level, (segment, member) -> {
                String id = segment.toString();
                long[] c = counts.computeIfAbsent(id, k -> new long[2]);
                c[0]++;
                if (!index.isMember(id, member)) {
                    c[1]++;
                }
            });
        }
        Map<String, Long> differences = new LinkedHashMap<>();
        counts.forEach((segmentId, c) -> {
            long extra = Math.abs(index.memberCount(segmentId) - (c[0] - c[1]));
            if (c[1] > 0 || index.memberCount(segmentId) != c[0]) {
                differences.put(segmentId, Math.max(1, c[1] + extra));
            }
        });
        long[] placements = {0, 0};
        memberships.forEachPlacement((contact, partner) -> {
            placements[1]++;
            if (!partner.equals(index.partnerOf(contact))) {
                placements[0]++;
            }
        });
        placements[0] += Math.abs(index.contactCount() - placements[1]);
        return new Report(true, follower.applied(), differences, placements[0]);
    }
}
