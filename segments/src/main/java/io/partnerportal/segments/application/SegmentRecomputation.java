package io.partnerportal.segments.application;

import io.partnerportal.segments.application.port.Directory;
import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.domain.segment.MembershipDiff;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.condition.CompiledCondition;
import io.partnerportal.segments.domain.condition.EvaluationContext;
import io.partnerportal.segments.domain.condition.Scope;
import io.partnerportal.segments.domain.condition.Values;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a whole segment's membership from scratch: streams every partner or contact once,
 * evaluates the compiled condition with referenced memberships loaded up front, and diffs the
 * result against the stored membership. Used when a segment is created or edited, by the daily
 * re-evaluation of relative dates, and by the full recomputation.
 */
@Singleton
class SegmentRecomputation {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentRecomputation.class);

    private final Directory directory;
    private final MembershipStore memberships;
    private final ValueStore values;
    private final IndexFollower follower;
    private final BulkEvaluation bulk;

    SegmentRecomputation(Directory directory, MembershipStore memberships, ValueStore values, IndexFollower follower,
                         BulkEvaluation bulk) {
        this.bulk = bulk;
        this.directory = directory;
        this.memberships = memberships;
        this.values = values;
        this.follower = follower;
    }

    /** Recomputes the segment inside the run (whose queue then carries the consequences). */
    MembershipDiff recompute(CompiledSegment segment, MembershipEngine.Run run, LocalDate today) {
        if (!segment.dynamic()) {
            return MembershipDiff.NONE;
        }
        long started = System.nanoTime();
        Map<String, String> partnerOf = new HashMap<>();
        Set<String> desired = members(segment.condition(), segment.level(), segment.refs(), segment.readsContacts(),
                today, partnerOf);
        Set<String> current = memberships.allMembers(segment.id(), segment.level());
        Set<String> joined = new HashSet<>(desired);
        joined.removeAll(current);
        Set<String> left = new HashSet<>(current);
        left.removeAll(desired);
        MembershipDiff diff = new MembershipDiff(joined, left);
        if (segment.level() == SegmentLevel.CONTACT) {
            for (String contactId : left) {
                partnerOf.computeIfAbsent(contactId, memberships::partnerOfContact);
            }
        }
        run.applied(segment, diff, partnerOf);
        LOG.info("Recomputed segment {} '{}' v{}: {} members, {} joined, {} left ({} ms)", segment.id(),
                segment.segment().name(), segment.segment().version(), desired.size(), joined.size(), left.size(),
                (System.nanoTime() - started) / 1_000_000);
        return diff;
    }

    /**
     * Every partner (partner level) or contact (contact level) the condition admits, from one pass
     * over the directory.
     *
     * @param partnerOf filled with the partner of every contact seen (contact level)
     */
    Set<String> members(CompiledCondition condition, SegmentLevel level, Set<String> refs, boolean readsContacts,
                        LocalDate today, Map<String, String> partnerOf) {
        Set<String> desired = new HashSet<>();
        if (condition == null) {
            return desired;
        }
        BulkContext context = new BulkContext(today);
        for (String ref : refs) {
            context.load(ref);
        }
        if (values.ready()) {
            follower.catchUpNow();
        }
        if (values.ready()) {
            // every record from memory: no pass over the database; referenced segments as this transaction sees them
            ValueStore.View view = values.view();
            Map<String, long[]> partnerRefs = new HashMap<>();
            Map<String, long[]> contactRefs = new HashMap<>();
            for (String ref : refs) {
                partnerRefs.put(ref, bits(context.members.get(ref), view, true));
                contactRefs.put(ref, bits(context.members.get(ref), view, false));
            }
            BulkEvaluation.Records records = new BulkEvaluation.Records(view, today, null);
            partnerRefs.forEach((id, b) -> records.put(id, SegmentLevel.PARTNER, b));
            contactRefs.forEach((id, b) -> records.put(id, SegmentLevel.CONTACT, b));
            long[] bits = bulk.members(condition, level, records);
            boolean partnerLevel = level == SegmentLevel.PARTNER;
            for (int w = 0; w < bits.length; w++) {
                long word = bits[w];
                while (word != 0) {
                    int ord = (w << 6) + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    if (partnerLevel) {
                        desired.add(view.partnerId(ord).toString());
                    } else {
                        String id = view.contactId(ord).toString();
                        desired.add(id);
                        partnerOf.put(id, view.partnerId(view.partnerOf(ord)).toString());
                    }
                }
            }
            return desired;
        }
        if (level == SegmentLevel.PARTNER) {
            if (readsContacts) {
                context.loadContacts();
            }
            directory.forEachPartner(partner -> {
                if (condition.matches(partner, null, context)) {
                    desired.add(partner.id());
                }
            });
        } else {
            Map<String, Values> partners = new HashMap<>();
            directory.forEachPartner(p -> partners.put(p.id(), p));
            directory.forEachContact((contact, partnerId) -> {
                partnerOf.put(contact.id(), partnerId);
                Values partner = partners.get(partnerId);
                if (partner != null && condition.matches(partner, contact, context)) {
                    desired.add(contact.id());
                }
            });
        }
        return desired;
    }

    /** Member ids as bits over the view's partner (or contact) ordinals; ids of the other kind are skipped. */
    static long[] bits(Set<String> ids, ValueStore.View view, boolean partners) {
        long[] bits = new long[((partners ? view.partnerBound() : view.contactBound()) + 63) >>> 6];
        if (ids != null) {
            for (String id : ids) {
                int ord = partners ? view.partnerOrd(id) : view.contactOrd(id);
                if (ord >= 0) {
                    bits[ord >>> 6] |= 1L << ord;
                }
            }
        }
        return bits;
    }

    /** Answers in_segment from member sets loaded once, and any_contact from contacts loaded once. */
    private final class BulkContext implements EvaluationContext {

        private final LocalDate today;
        private final Map<String, Set<String>> members = new HashMap<>();
        private Map<String, List<Values>> contactsByPartner;

        BulkContext(LocalDate today) {
            this.today = today;
        }

        void load(String segmentId) {
            members.computeIfAbsent(segmentId, id -> {
                Set<String> set = new HashSet<>();
                for (SegmentLevel level : SegmentLevel.values()) {
                    set.addAll(memberships.allMembers(id, level));
                }
                return set;
            });
        }

        void loadContacts() {
            Map<String, List<Values>> grouped = new HashMap<>();
            directory.forEachContact((contact, partnerId) ->
                    grouped.computeIfAbsent(partnerId, p -> new ArrayList<>()).add(contact));
            contactsByPartner = grouped;
        }

        @Override
        public LocalDate today() {
            return today;
        }

        @Override
        public Iterable<? extends Values> contactsOf(String partnerId) {
            if (contactsByPartner == null) {
                loadContacts();
            }
            List<Values> contacts = contactsByPartner.get(partnerId);
            return contacts == null ? List.of() : contacts;
        }

        @Override
        public boolean partnerIn(String segmentId, String partnerId) {
            return members.containsKey(segmentId) ? members.get(segmentId).contains(partnerId)
                    : memberships.isMember(segmentId, SegmentLevel.PARTNER, partnerId);
        }

        @Override
        public boolean contactIn(String segmentId, String contactId) {
            return members.containsKey(segmentId) ? members.get(segmentId).contains(contactId)
                    : memberships.isMember(segmentId, SegmentLevel.CONTACT, contactId);
        }
    }

    static boolean readsScope(CompiledSegment segment, Scope scope) {
        return segment.reads().stream().anyMatch(r -> r.scope() == scope);
    }
}
