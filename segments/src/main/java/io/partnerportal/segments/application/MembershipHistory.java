package io.partnerportal.segments.application;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.segments.application.port.Directory;
import io.partnerportal.segments.application.port.HistoryStore;
import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.application.port.SegmentStore;
import jakarta.inject.Singleton;

/** Who joined and left which segment, when, why and by whose hand — newest first. */
@Singleton
@Transactional
public class MembershipHistory {

    private final HistoryStore history;
    private final SegmentStore segments;
    private final MembershipStore memberships;
    private final Directory directory;
    private final HistoryExpansion expansion;

    MembershipHistory(HistoryStore history, SegmentStore segments, MembershipStore memberships, Directory directory,
                      HistoryExpansion expansion) {
        this.history = history;
        this.expansion = expansion;
        this.segments = segments;
        this.memberships = memberships;
        this.directory = directory;
    }

    public Page<HistoryStore.Entry> ofSegment(String segmentId, PageRequest page) {
        segments.find(segmentId).orElseThrow(() -> NotFoundException.of("Segment", segmentId));
        expansion.expandPendingHere();
        return history.ofSegment(segmentId, page);
    }

    public Page<HistoryStore.Entry> ofBatch(String segmentId, long batchId, PageRequest page) {
        segments.find(segmentId).orElseThrow(() -> NotFoundException.of("Segment", segmentId));
        if (!history.batchExists(segmentId, batchId)) {
            throw NotFoundException.of("History batch of this segment", Long.toString(batchId));
        }
        expansion.expandPendingHere();
        return history.ofBatch(segmentId, batchId, page);
    }

    public Page<HistoryStore.Entry> ofPartner(String partnerId, PageRequest page) {
        directory.partner(partnerId).orElseThrow(() -> NotFoundException.of("Partner", partnerId));
        expansion.expandPendingHere();
        return history.ofPartner(partnerId, page);
    }

    /** The contact's own changes and, marked {@code via: partner}, its partner's partner-level changes. */
    public Page<HistoryStore.Entry> ofContact(String contactId, PageRequest page) {
        String partnerId = directory.partnerOf(contactId).orElseGet(() -> memberships.partnerOfContact(contactId));
        if (partnerId == null) {
            throw NotFoundException.of("Contact", contactId);
        }
        expansion.expandPendingHere();
        return history.ofContact(contactId, partnerId, page);
    }
}
