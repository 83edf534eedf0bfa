package io.partnerportal.segments.application;

import io.partnerportal.common.Actor;
import io.partnerportal.segments.application.SegmentRegistry.Definitions;
import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.application.port.SegmentStore;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.segment.MembershipCause;
import io.partnerportal.segments.domain.segment.MembershipDiff;
import io.partnerportal.segments.domain.segment.Segment;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Recomputes every membership from scratch (docs/adr/0009): reads the whole directory into the value
 * store, brings segments' copy of who belongs to whom in line, evaluates every segment in memory
 * into bitsets (dependency order, all cores), compares them with the persisted rows and writes the
 * differences. Into empty membership tables (the first computation after a bulk load or a restore)
 * the rows go in with COPY and each segment gets one history entry instead of one per member.
 * Runs in the caller's transaction, under the exclusive definitions lock.
 */
@Singleton
class FullRecomputation {

    private static final Logger LOG = LoggerFactory.getLogger(FullRecomputation.class);

    private final SegmentStore store;
    private final MembershipStore memberships;
    private final SegmentRegistry registry;
    private final MembershipEngine engine;
    private final BulkEvaluation bulk;
    private final ValueStore values;
    private final IndexTransactions index;

    FullRecomputation(SegmentStore store, MembershipStore memberships, SegmentRegistry registry,
                      MembershipEngine engine, BulkEvaluation bulk, ValueStore values, IndexTransactions index) {
        this.store = store;
        this.memberships = memberships;
        this.registry = registry;
        this.engine = engine;
        this.bulk = bulk;
        this.values = values;
        this.index = index;
    }

    RecomputeReport run(Actor actor) {
        long started = System.nanoTime();
        store.lockDefinitions(true);
        // 1. the directory, read once: values into memory, placements into segments' copy
        values.load();
        ValueStore.View view = values.view();
        long fixes = memberships.resynchronize(new MembershipStore.DirectoryPlacements() {
            @Override
            public void forEachPartner(java.util.function.Consumer<UUID> partner) {
                for (int p = 0; p < view.partnerBound(); p++) {
                    if (view.hasPartner(p)) {
                        partner.accept(view.partnerId(p));
                    }
                }
            }

            @Override
            public void forEachContact(java.util.function.BiConsumer<UUID, UUID> contactAndPartner) {
                for (int c = 0; c < view.contactBound(); c++) {
                    if (view.hasContact(c)) {
                        contactAndPartner.accept(view.contactId(c), view.partnerId(view.partnerOf(c)));
                    }
                }
            }
        });
        long read = System.nanoTime();
        Definitions definitions = registry.withinTransaction();
        List<CompiledSegment> ordered = definitions.all().stream()
                .sorted(Comparator.comparingInt(CompiledSegment::rank).thenComparing(CompiledSegment::id)).toList();

        // 2. what is persisted, as bits over the same ordinals (members unknown to the directory kept aside)
        boolean initial = !memberships.anyMembership();
        Persisted persisted = initial ? new Persisted(Map.of(), Map.of()) : persisted(definitions, view);
        Map<String, long[]> staticMembers = new HashMap<>();
        for (CompiledSegment s : ordered) {
            if (!s.dynamic()) {
                staticMembers.put(s.id(), persisted.bits.getOrDefault(s.id(), new long[0]));
            }
        }
        long loaded = System.nanoTime();

        // 3. every dynamic segment, in memory
        Map<String, long[]> desired = bulk.all(ordered, view, engine.today(), staticMembers);
        long evaluated = System.nanoTime();

        // 4. the differences, written
        Map<String, Long> differences = new TreeMap<>();
        long joined = 0;
        long left = 0;
        long rows = 0;
        MembershipCause cause = new MembershipCause(initial ? "initial_compute" : "recompute", Map.of(), actor);
        MembershipEngine.Run run = engine.start(definitions, cause);
        if (initial) {
            rows = writeInitial(ordered, desired, view, cause);
            joined = rows;
            for (CompiledSegment s : ordered) {
                long n = BulkEvaluation.cardinality(desired.getOrDefault(s.id(), new long[0]));
                if (n > 0) {
                    differences.put(s.id(), n);
                }
            }
        } else {
            for (CompiledSegment s : ordered) {
                MembershipDiff diff = diff(s, desired, persisted, view);
                if (!diff.isEmpty()) {
                    differences.put(s.id(), (long) diff.size());
                    joined += diff.joined().size();
                    left += diff.left().size();
                    run.applied(s, diff, partnerOf(s.level(), diff, view));
                }
            }
        }
        run.finish();
        if (initial || fixes > 0) {
            // every instance reloads; this one installs what it just computed instead of reading it back
            IndexChanges changes = index.changes();
            changes.reloadAll = true;
            List<Segment> segments = ordered.stream().map(CompiledSegment::segment).toList();
            changes.installation = new IndexChanges.Installation(segments, view, desired);
        }
        long written = System.nanoTime();
        LOG.info("Full recomputation{}: {} segments, {} partners, {} contacts; read directory {} ms, read memberships "
                        + "{} ms, evaluated {} ms, wrote {} ms ({} rows joined, {} left, {} directory fixes)",
                initial ? " (initial)" : "", ordered.size(), view.partnerBound(), view.contactBound(),
                ms(started, read), ms(read, loaded), ms(loaded, evaluated), ms(evaluated, written), joined, left, fixes);
        return new RecomputeReport(ordered.size(), joined, left, fixes, differences, ms(started, written), initial,
                rows, ms(started, read), ms(read, loaded), ms(loaded, evaluated), ms(evaluated, written));
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Persisted members as bits, and members the directory no longer has ("strays"), by segment id. */
    private record Persisted(Map<String, long[]> bits, Map<String, Set<String>> strays) {
    }

    private Persisted persisted(Definitions definitions, ValueStore.View view) {
        Map<UUID, long[]> bySegment = new HashMap<>();
        Map<String, long[]> bits = new HashMap<>();
        for (CompiledSegment s : definitions.all()) {
            long[] b = new long[((s.level() == SegmentLevel.PARTNER ? view.partnerBound() : view.contactBound()) + 63)
                    >>> 6];
            bySegment.put(UUID.fromString(s.id()), b);
            bits.put(s.id(), b);
        }
        Map<String, Set<String>> strays = new HashMap<>();
        for (SegmentLevel level : SegmentLevel.values()) {
            memberships.forEachMembershipId(level, (segment, member) -> {
                long[] b = bySegment.get(segment);
                if (b == null) {
                    return; // a segment deleted meanwhile cannot be: the definitions lock is held
                }
                int ord = level == SegmentLevel.PARTNER ? view.partnerOrd(member) : view.contactOrd(member);
                boolean known = level == SegmentLevel.PARTNER ? ord >= 0 && view.hasPartner(ord)
                        : ord >= 0 && view.hasContact(ord);
                if (known) {
                    b[ord >>> 6] |= 1L << ord;
                } else {
                    strays.computeIfAbsent(segment.toString(), k -> new HashSet<>()).add(member.toString());
                }
            });
        }
        return new Persisted(bits, strays);
    }

    /** Joined: desired and not persisted; left: persisted and not desired, plus strays. Static segments only lose strays. */
    private static MembershipDiff diff(CompiledSegment s, Map<String, long[]> desired, Persisted persisted,
                                       ValueStore.View view) {
        Set<String> left = new LinkedHashSet<>(persisted.strays.getOrDefault(s.id(), Set.of()));
        Set<String> joined = new LinkedHashSet<>();
        if (s.dynamic()) {
            long[] want = desired.getOrDefault(s.id(), new long[0]);
            long[] have = persisted.bits.getOrDefault(s.id(), new long[0]);
            boolean partnerLevel = s.level() == SegmentLevel.PARTNER;
            for (int w = 0; w < Math.max(want.length, have.length); w++) {
                long a = w < want.length ? want[w] : 0;
                long b = w < have.length ? have[w] : 0;
                addIds(a & ~b, w, partnerLevel, view, joined);
                addIds(b & ~a, w, partnerLevel, view, left);
            }
        }
        return new MembershipDiff(joined, left);
    }

    private static void addIds(long word, int w, boolean partnerLevel, ValueStore.View view, Set<String> out) {
        while (word != 0) {
            int ord = (w << 6) + Long.numberOfTrailingZeros(word);
            word &= word - 1;
            UUID id = partnerLevel ? view.partnerId(ord) : view.contactId(ord);
            if (id != null) {
                out.add(id.toString());
            }
        }
    }

    private Map<String, String> partnerOf(SegmentLevel level, MembershipDiff diff, ValueStore.View view) {
        Map<String, String> partnerOf = new HashMap<>();
        List<String> all = new ArrayList<>(diff.joined());
        all.addAll(diff.left());
        for (String m : all) {
            if (level == SegmentLevel.PARTNER) {
                partnerOf.put(m, m);
                continue;
            }
            int ord = view.contactOrd(m);
            UUID partner = ord >= 0 && view.hasContact(ord) ? view.partnerId(view.partnerOf(ord)) : null;
            String p = partner != null ? partner.toString() : memberships.partnerOfContact(m);
            if (p != null) {
                partnerOf.put(m, p);
            }
        }
        return partnerOf;
    }

    /**
     * Every membership into the empty tables with COPY, in (segment id, member id) order so the
     * primary key grows at its right edge; one history entry per segment.
     */
    private long writeInitial(List<CompiledSegment> ordered, Map<String, long[]> desired, ValueStore.View view,
                              MembershipCause cause) {
        int[] partnersById = sortedById(view.partnerBound(), view::partnerId);
        int[] contactsById = sortedById(view.contactBound(), view::contactId);
        List<CompiledSegment> bySegmentId = ordered.stream().filter(CompiledSegment::dynamic)
                .sorted(Comparator.comparing((CompiledSegment s) -> UUID.fromString(s.id()), FullRecomputation::compare))
                .toList();
        long rows = 0;
        List<MembershipStore.BatchSummary> batches = new ArrayList<>();
        for (SegmentLevel level : SegmentLevel.values()) {
            boolean partnerLevel = level == SegmentLevel.PARTNER;
            int[] order = partnerLevel ? partnersById : contactsById;
            rows += memberships.copyMembers(level, sink -> {
                for (CompiledSegment s : bySegmentId) {
                    if (s.level() != level) {
                        continue;
                    }
                    long[] bits = desired.get(s.id());
                    UUID segment = UUID.fromString(s.id());
                    long count = 0;
                    for (int ord : order) {
                        if (BulkEvaluation.test(bits, ord)) {
                            sink.accept(segment, partnerLevel ? view.partnerId(ord) : view.contactId(ord));
                            count++;
                        }
                    }
                    if (count > 0) {
                        batches.add(new MembershipStore.BatchSummary(s.id(), s.segment().version(), count, 0));
                    }
                }
            });
        }
        memberships.recordBatches(batches, cause);
        return rows;
    }

    /** Ordinals of existing records sorted by id, as PostgreSQL orders uuids (unsigned, byte by byte). */
    private static int[] sortedById(int bound, java.util.function.IntFunction<UUID> idOf) {
        long[][] keys = new long[bound][];
        int n = 0;
        for (int i = 0; i < bound; i++) {
            UUID id = idOf.apply(i);
            if (id != null) {
                keys[n++] = new long[]{id.getMostSignificantBits(), id.getLeastSignificantBits(), i};
            }
        }
        long[][] present = Arrays.copyOf(keys, n);
        Arrays.sort(present, (a, b) -> {
            int c = Long.compareUnsigned(a[0], b[0]);
            return c != 0 ? c : Long.compareUnsigned(a[1], b[1]);
        });
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) present[i][2];
        }
        return order;
    }

    static int compare(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
