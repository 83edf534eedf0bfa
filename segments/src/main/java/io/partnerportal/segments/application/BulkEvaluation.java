package io.partnerportal.segments.application;

import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.condition.CompiledCondition;
import io.partnerportal.segments.domain.condition.EvaluationContext;
import io.partnerportal.segments.domain.condition.Values;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Evaluates conditions over every record of the in-memory value store at once: a segment's members
 * come out as a bitset over the store's ordinals (one bit per partner or contact), records are read
 * in place through views, and {@code in_segment} is answered from bitsets computed earlier in the
 * same pass (segments run in dependency order), so a full computation never touches the database.
 * Records are split into ranges evaluated on all cores.
 */
@Singleton
class BulkEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(BulkEvaluation.class);
    /** Records per parallel task; a multiple of 64 so no two tasks write the same word. */
    private static final int CHUNK = 64 * 256;

    private final int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Its own pool (daemon threads), so bulk work never queues behind other users of the common pool. */
    private final ForkJoinPool pool = new ForkJoinPool(parallelism);

    /**
     * The records of a view as arrays of value views, made once per pass so that evaluating a
     * thousand segments allocates nothing per record and segment.
     */
    static final class Records {
        final ValueStore.View view;
        final Values[] partners;
        final Values[] contacts;
        /** The partner of each contact (null when the contact or its partner is unknown). */
        final Values[] contactPartners;

        Records(ValueStore.View view) {
            this.view = view;
            partners = new Values[view.partnerBound()];
            for (int p = 0; p < partners.length; p++) {
                partners[p] = view.hasPartner(p) ? view.partner(p) : null;
            }
            contacts = new Values[view.contactBound()];
            contactPartners = new Values[contacts.length];
            for (int c = 0; c < contacts.length; c++) {
                if (view.hasContact(c)) {
                    contacts[c] = view.contact(c);
                    contactPartners[c] = partners[view.partnerOf(c)];
                }
            }
        }
    }

    /** Members of one segment: bits over the partner or contact ordinals of the view. */
    long[] members(CompiledCondition condition, SegmentLevel level, ValueStore.View view, Context context) {
        return members(condition, level, new Records(view), context);
    }

    long[] members(CompiledCondition condition, SegmentLevel level, Records records, Context context) {
        boolean partnerLevel = level == SegmentLevel.PARTNER;
        int bound = partnerLevel ? records.partners.length : records.contacts.length;
        long[] bits = new long[(bound + 63) >>> 6];
        if (condition == null || bound == 0) {
            return bits;
        }
        int chunks = (bound + CHUNK - 1) / CHUNK;
        Runnable work = () -> IntStream.range(0, chunks).parallel()
                .forEach(chunk -> evaluate(condition, partnerLevel, records, context, bits, chunk * CHUNK,
                        Math.min(bound, chunk * CHUNK + CHUNK)));
        if (chunks == 1 || parallelism == 1) {
            evaluate(condition, partnerLevel, records, context, bits, 0, bound);
        } else {
            pool.submit(work).join();
        }
        return bits;
    }

    private static void evaluate(CompiledCondition condition, boolean partnerLevel, Records records, Context context,
                                 long[] bits, int from, int to) {
        if (partnerLevel) {
            Values[] partners = records.partners;
            for (int p = from; p < to; p++) {
                Values partner = partners[p];
                if (partner != null && condition.matches(partner, null, context)) {
                    bits[p >>> 6] |= 1L << p;
                }
            }
        } else {
            Values[] contacts = records.contacts;
            Values[] contactPartners = records.contactPartners;
            for (int c = from; c < to; c++) {
                Values partner = contactPartners[c];
                if (partner != null && condition.matches(partner, contacts[c], context)) {
                    bits[c >>> 6] |= 1L << c;
                }
            }
        }
    }

    /**
     * Every dynamic segment of {@code ordered} (dependency order), each seeing the members computed
     * before it; {@code known} supplies the members of segments not computed here (static ones).
     * Logs progress every ten seconds.
     */
    Map<String, long[]> all(List<CompiledSegment> ordered, ValueStore.View view, LocalDate today,
                            Map<String, long[]> known) {
        long started = System.nanoTime();
        long lastLog = started;
        Map<String, long[]> members = new LinkedHashMap<>(known);
        Map<String, long[]> partnerBits = new java.util.HashMap<>();
        Map<String, long[]> contactBits = new java.util.HashMap<>();
        for (CompiledSegment segment : ordered) {
            if (known.containsKey(segment.id())) {
                (segment.level() == SegmentLevel.PARTNER ? partnerBits : contactBits).put(segment.id(),
                        known.get(segment.id()));
            }
        }
        Context context = new Context(view, today, partnerBits, contactBits, null);
        Records records = new Records(view);
        int done = 0;
        for (CompiledSegment segment : ordered) {
            if (segment.dynamic()) {
                long[] bits = members(segment.condition(), segment.level(), records, context);
                members.put(segment.id(), bits);
                (segment.level() == SegmentLevel.PARTNER ? partnerBits : contactBits).put(segment.id(), bits);
            }
            done++;
            if (System.nanoTime() - lastLog > 10_000_000_000L) {
                lastLog = System.nanoTime();
                LOG.info("Bulk evaluation: {} of {} segments in {} s", done, ordered.size(),
                        (lastLog - started) / 1_000_000_000L);
            }
        }
        LOG.info("Bulk evaluation of {} segments over {} partners and {} contacts: {} ms", ordered.size(),
                view.partnerBound(), view.contactBound(), (System.nanoTime() - started) / 1_000_000);
        return members;
    }

    static int cardinality(long[] bits) {
        int n = 0;
        for (long w : bits) {
            n += Long.bitCount(w);
        }
        return n;
    }

    static boolean test(long[] bits, int i) {
        return i >= 0 && (i >>> 6) < bits.length && (bits[i >>> 6] & (1L << i)) != 0;
    }

    /**
     * Answers what conditions ask beyond a record from the view and from member bitsets (over
     * partner ordinals for partner-level segments, contact ordinals for contact-level ones); a
     * segment without a bitset is asked of the fallback (for previews: the in-memory index), else it
     * has no members.
     */
    static final class Context implements EvaluationContext {

        /** Membership of segments the bulk pass did not compute. */
        interface Fallback {
            boolean isMember(String segmentId, UUID memberId);
        }

        private final ValueStore.View view;
        private final LocalDate today;
        private final Map<String, long[]> partnerMembers;
        private final Map<String, long[]> contactMembers;
        private final Fallback fallback;

        Context(ValueStore.View view, LocalDate today, Map<String, long[]> partnerMembers,
                Map<String, long[]> contactMembers, Fallback fallback) {
            this.view = view;
            this.today = today;
            this.partnerMembers = partnerMembers;
            this.contactMembers = contactMembers;
            this.fallback = fallback;
        }

        @Override
        public LocalDate today() {
            return today;
        }

        @Override
        public Iterable<? extends Values> contactsOf(String partnerId) {
            return contacts(view.contactsOf(view.partnerOrd(partnerId)));
        }

        @Override
        public Iterable<? extends Values> contactsOf(Values partner) {
            int ord = view.partnerOrd(partner);
            return contacts(view.contactsOf(ord >= 0 ? ord : view.partnerOrd(partner.id())));
        }

        private Iterable<Values> contacts(int[] ords) {
            return () -> new Iterator<>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return i < ords.length;
                }

                @Override
                public Values next() {
                    if (i >= ords.length) {
                        throw new NoSuchElementException();
                    }
                    return view.contact(ords[i++]);
                }
            };
        }

        @Override
        public boolean partnerIn(String segmentId, String partnerId) {
            long[] bits = partnerMembers.get(segmentId);
            if (bits != null) {
                return test(bits, view.partnerOrd(partnerId));
            }
            return fallback != null && fallback.isMember(segmentId, UUID.fromString(partnerId));
        }

        @Override
        public boolean contactIn(String segmentId, String contactId) {
            long[] bits = contactMembers.get(segmentId);
            if (bits != null) {
                return test(bits, view.contactOrd(contactId));
            }
            return fallback != null && fallback.isMember(segmentId, UUID.fromString(contactId));
        }

        @Override
        public boolean partnerIn(String segmentId, Values partner) {
            int ord = view.partnerOrd(partner);
            if (ord < 0) {
                return partnerIn(segmentId, partner.id());
            }
            long[] bits = partnerMembers.get(segmentId);
            if (bits != null) {
                return test(bits, ord);
            }
            return fallback != null && fallback.isMember(segmentId, view.partnerId(ord));
        }

        @Override
        public boolean contactIn(String segmentId, Values contact) {
            int ord = view.contactOrd(contact);
            if (ord < 0) {
                return contactIn(segmentId, contact.id());
            }
            long[] bits = contactMembers.get(segmentId);
            if (bits != null) {
                return test(bits, ord);
            }
            return fallback != null && fallback.isMember(segmentId, view.contactId(ord));
        }
    }
}
