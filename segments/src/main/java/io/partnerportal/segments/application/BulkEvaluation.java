package io.partnerportal.segments.application;

import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.condition.CompiledCondition;
import io.partnerportal.segments.domain.condition.Population;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiConsumer;

/**
 * Evaluates conditions over every record of the in-memory value store at once: a condition is
 * decided for all records in one pass over each property column it reads ({@link
 * CompiledCondition#select}), members come out as bitsets over the store's ordinals, and {@code
 * in_segment} reads bitsets computed earlier in the same pass (segments run rank by rank, in
 * dependency order, the segments of a rank in parallel). A full computation never touches the
 * database.
 */
@Singleton
class BulkEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(BulkEvaluation.class);

    private final int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Its own pool (daemon threads), so bulk work never queues behind other users of the common pool. */
    private final ForkJoinPool pool = new ForkJoinPool(parallelism);

    /** Members of one segment: bits over the partner or contact ordinals of the population's view. */
    long[] members(CompiledCondition condition, SegmentLevel level, Records population) {
        int bound = level == SegmentLevel.PARTNER ? population.view.partnerBound() : population.view.contactBound();
        if (condition == null) {
            return new long[(bound + 63) >>> 6];
        }
        return condition.select(level, population);
    }

    /**
     * Every dynamic segment of {@code ordered} (dependency order), each seeing the members computed
     * before it; {@code known} supplies the members of segments not computed here (static ones).
     * Logs progress every ten seconds.
     */
    Map<String, long[]> all(List<CompiledSegment> ordered, ValueStore.View view, LocalDate today,
                            Map<String, long[]> known) {
        long started = System.nanoTime();
        Records records = new Records(view, today, null);
        for (CompiledSegment segment : ordered) {
            if (known.containsKey(segment.id())) {
                records.put(segment.id(), segment.level(), known.get(segment.id()));
            }
        }
        TreeMap<Integer, List<CompiledSegment>> ranks = new TreeMap<>();
        for (CompiledSegment segment : ordered) {
            if (segment.dynamic()) {
                ranks.computeIfAbsent(segment.rank(), r -> new ArrayList<>()).add(segment);
            }
        }
        int[] done = {0};
        long[] lastLog = {started};
        for (List<CompiledSegment> rank : ranks.values()) {
            pool.submit(() -> rank.parallelStream().forEach(segment -> {
                records.put(segment.id(), segment.level(), members(segment.condition(), segment.level(), records));
                synchronized (done) {
                    done[0]++;
                    if (System.nanoTime() - lastLog[0] > 10_000_000_000L) {
                        lastLog[0] = System.nanoTime();
                        LOG.info("Bulk evaluation: {} of {} segments in {} s", done[0], ordered.size(),
                                (lastLog[0] - started) / 1_000_000_000L);
                    }
                }
            })).join();
        }
        Map<String, long[]> members = new LinkedHashMap<>();
        for (CompiledSegment segment : ordered) {
            long[] bits = records.bits(segment.id(), segment.level());
            members.put(segment.id(), bits != null ? bits
                    : new long[((segment.level() == SegmentLevel.PARTNER ? view.partnerBound() : view.contactBound())
                    + 63) >>> 6]);
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
     * The value store's records as a {@link Population}: columns straight from the store, members of
     * segments from bitsets given or computed in this pass, else (previews) from the access index.
     */
    static final class Records implements Population {

        /** Membership of segments the pass did not compute: calls back with every member id. */
        interface Fallback {
            void forEachMember(String segmentId, java.util.function.Consumer<UUID> member);
        }

        final ValueStore.View view;
        private final LocalDate today;
        private final Fallback fallback;
        private final long[] partners;
        private final long[] contacts;
        private final Map<String, long[]> partnerMembers = new ConcurrentHashMap<>();
        private final Map<String, long[]> contactMembers = new ConcurrentHashMap<>();
        private final Map<String, long[]> fallen = new ConcurrentHashMap<>();

        Records(ValueStore.View view, LocalDate today, Fallback fallback) {
            this.view = view;
            this.today = today;
            this.fallback = fallback;
            partners = new long[(view.partnerBound() + 63) >>> 6];
            for (int p = 0; p < view.partnerBound(); p++) {
                if (view.hasPartner(p)) {
                    partners[p >>> 6] |= 1L << p;
                }
            }
            contacts = new long[(view.contactBound() + 63) >>> 6];
            for (int c = 0; c < view.contactBound(); c++) {
                if (view.hasContact(c)) {
                    contacts[c >>> 6] |= 1L << c;
                }
            }
        }

        void put(String segmentId, SegmentLevel level, long[] bits) {
            (level == SegmentLevel.PARTNER ? partnerMembers : contactMembers).put(segmentId, bits);
        }

        long[] bits(String segmentId, SegmentLevel level) {
            return (level == SegmentLevel.PARTNER ? partnerMembers : contactMembers).get(segmentId);
        }

        @Override
        public long[] partners() {
            return partners;
        }

        @Override
        public long[] contacts() {
            return contacts;
        }

        @Override
        public int partnerOf(int contact) {
            return view.partnerOf(contact);
        }

        @Override
        public int[] contactsOf(int partner) {
            return view.contactsOf(partner);
        }

        @Override
        public Object[] partnerColumn(String key) {
            return view.partnerColumn(key);
        }

        @Override
        public Object[] contactColumn(String key) {
            return view.contactColumn(key);
        }

        @Override
        public long[] partnerMembers(String segmentId) {
            long[] bits = partnerMembers.get(segmentId);
            return bits != null ? bits : fallback("p:" + segmentId, segmentId, true);
        }

        @Override
        public long[] contactMembers(String segmentId) {
            long[] bits = contactMembers.get(segmentId);
            return bits != null ? bits : fallback("c:" + segmentId, segmentId, false);
        }

        private long[] fallback(String key, String segmentId, boolean partnerLevel) {
            if (fallback == null) {
                return null;
            }
            return fallen.computeIfAbsent(key, k -> {
                long[] bits = new long[partnerLevel ? partners.length : contacts.length];
                fallback.forEachMember(segmentId, id -> {
                    int ord = partnerLevel ? view.partnerOrd(id) : view.contactOrd(id);
                    if (ord >= 0 && (ord >>> 6) < bits.length) {
                        bits[ord >>> 6] |= 1L << ord;
                    }
                });
                return bits;
            });
        }

        @Override
        public LocalDate today() {
            return today;
        }
    }

    /** Calls the consumer with the ids of the set bits of a partner-level (or contact-level) bitset. */
    static void forEachId(long[] bits, boolean partnerLevel, ValueStore.View view, BiConsumer<Integer, UUID> consumer) {
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                int ord = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                UUID id = partnerLevel ? view.partnerId(ord) : view.contactId(ord);
                if (id != null) {
                    consumer.accept(ord, id);
                }
            }
        }
    }
}
