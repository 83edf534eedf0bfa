package io.partnerportal.segments.application;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.application.port.SegmentStore;
import io.partnerportal.segments.domain.segment.Segment;
import jakarta.inject.Singleton;

import io.partnerportal.segments.domain.SegmentLevel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Compares this instance's in-memory access index with the persisted membership, after catching
 * up with the journal: the proof that the fast path answers exactly what the database says. On
 * request it also evaluates a sample of contacts afresh (in memory, one at a time) and compares
 * their segments with the index.
 */
@Singleton
public class IndexVerification {

    private final AccessIndex index;
    private final IndexFollower follower;
    private final SegmentStore store;
    private final MembershipStore memberships;
    private final RecordEvaluation evaluation;
    private final ValueStore values;

    IndexVerification(AccessIndex index, IndexFollower follower, SegmentStore store, MembershipStore memberships,
                      RecordEvaluation evaluation, ValueStore values) {
        this.evaluation = evaluation;
        this.values = values;
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
     * @param evaluatedContacts contacts evaluated afresh (the sample asked for)
     * @param evaluationDifferences of those, the ones (up to 20) whose fresh segments differ from the index
     */
    @Serdeable
    public record Report(boolean ready, long journalPosition, Map<String, Long> differences,
                         long placementDifferences, int evaluatedContacts, List<String> evaluationDifferences) {
        public boolean consistent() {
            return ready && differences.isEmpty() && placementDifferences == 0 && evaluationDifferences.isEmpty();
        }
    }

    public static final int MAX_SAMPLE = 10_000;

    @Transactional
    public Report verify() {
        return verify(0);
    }

    /**
     * One pass over each membership table: every persisted membership must be in the index, and every
     * segment must have as many members in the index as in the database (so the index holds no extra
     * ones either). Placements likewise.
     */
    @Transactional
    public Report verify(int sample) {
        if (!index.ready()) {
            return new Report(false, follower.applied(), Map.of(), 0, 0, List.of());
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
        int evaluated = 0;
        List<String> evaluationDifferences = new ArrayList<>();
        if (sample > 0 && values.ready()) {
            ValueStore.View view = values.view();
            int step = Math.max(1, view.contactBound() / Math.min(sample, MAX_SAMPLE));
            for (int c = 0; c < view.contactBound() && evaluated < Math.min(sample, MAX_SAMPLE); c += step) {
                UUID id = view.contactId(c);
                if (id == null || !view.hasContact(c)) {
                    continue;
                }
                evaluated++;
                Set<String> fresh = evaluation.segmentsOfContact(id.toString());
                if (!fresh.equals(index.segmentsOfContact(id.toString())) && evaluationDifferences.size() < 20) {
                    evaluationDifferences.add(id.toString());
                }
            }
        }
        return new Report(true, follower.applied(), differences, placements[0], evaluated, evaluationDifferences);
    }
}
