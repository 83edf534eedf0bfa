package io.partnerportal.segments.application;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.application.port.SegmentStore;
import io.partnerportal.segments.domain.segment.Segment;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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

    @Transactional
    public Report verify() {
        if (!index.ready()) {
            return new Report(false, follower.applied(), Map.of(), 0);
        }
        follower.catchUpNow();
        Map<String, Long> differences = new LinkedHashMap<>();
        for (Segment segment : store.findAll()) {
            Set<String> persisted = memberships.allMembers(segment.id(), segment.level());
            Set<String> indexed = index.membersOf(segment.id());
            Set<String> onlyOne = new HashSet<>(persisted);
            onlyOne.addAll(indexed);
            Set<String> both = new HashSet<>(persisted);
            both.retainAll(indexed);
            onlyOne.removeAll(both);
            if (!onlyOne.isEmpty() || index.memberCount(segment.id()) != persisted.size()) {
                differences.put(segment.id(), (long) Math.max(onlyOne.size(), 1));
            }
        }
        long[] placements = {0};
        memberships.forEachPlacement((contact, partner) -> {
            if (!partner.equals(index.partnerOf(contact))) {
                placements[0]++;
            }
        });
        return new Report(true, follower.applied(), differences, placements[0]);
    }
}
