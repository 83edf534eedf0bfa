package io.partnerportal.segments.application;

import io.partnerportal.segments.application.port.Directory;
import io.partnerportal.segments.application.port.SegmentStore;
import io.partnerportal.segments.domain.segment.Segment;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.condition.CompiledCondition;
import io.partnerportal.segments.domain.condition.PropertyRef;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every segment compiled once per version, with the indexes membership maintenance needs: which
 * segments read a property, which segments refer to a segment, and a dependency order. Shared by
 * all requests; rebuilt when the definitions version in the database moves, which any instance
 * notices on its next maintenance (it checks the version under the definitions lock).
 */
@Singleton
class SegmentRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentRegistry.class);

    private final SegmentStore store;
    private final Directory directory;
    private final io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;
    private volatile Definitions definitions = Definitions.EMPTY;

    SegmentRegistry(SegmentStore store, Directory directory,
                    io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions) {
        this.store = store;
        this.directory = directory;
        this.transactions = transactions;
    }

    /** The definitions as committed, reloaded if another transaction (or instance) changed them. */
    Definitions current() {
        long version = store.definitionsVersion();
        Definitions d = definitions;
        if (d.version != version || d == Definitions.EMPTY) {
            synchronized (this) {
                d = definitions;
                if (d.version != version || d == Definitions.EMPTY) {
                    d = build(version, store.findAll());
                    definitions = d;
                }
            }
        }
        return d;
    }

    /** Definitions including uncommitted edits of the current transaction (used by the editing request). */
    Definitions withinTransaction() {
        return build(store.definitionsVersion(), store.findAll());
    }

    /** The last loaded definitions, without a database round trip (for read-only questions). */
    Definitions cached() {
        Definitions d = definitions;
        return d == Definitions.EMPTY ? transactions.executeRead(status -> current()) : d;
    }

    void invalidate() {
        definitions = Definitions.EMPTY;
    }

    private Definitions build(long version, List<Segment> segments) {
        Map<String, Segment> byId = new HashMap<>();
        segments.forEach(s -> byId.put(s.id(), s));
        Map<String, Integer> ranks = ranks(byId);
        Map<String, CompiledSegment> compiled = new LinkedHashMap<>();
        var specs = directory.catalogue();
        var levels = io.partnerportal.segments.domain.condition.SegmentRefs.of(
                segments.stream().collect(java.util.stream.Collectors.toMap(Segment::id, Segment::level)));
        segments.stream().sorted(Comparator.comparing((Segment s) -> ranks.get(s.id())).thenComparing(Segment::id))
                .forEach(s -> {
                    CompiledCondition condition = null;
                    Set<PropertyRef> reads = Set.of();
                    Set<String> refs = Set.of();
                    boolean relative = false;
                    if (s.isDynamic()) {
                        reads = s.condition().readProperties();
                        refs = s.condition().referencedSegments();
                        relative = s.condition().usesRelativeDates();
                        try {
                            condition = CompiledCondition.compile(s.condition(), s.level(), specs, levels);
                        } catch (RuntimeException e) {
                            LOG.error("Segment {} '{}' v{} no longer compiles against the catalogue and matches nobody "
                                    + "until it is edited: {}", s.id(), s.name(), s.version(), e.getMessage());
                        }
                    }
                    compiled.put(s.id(), new CompiledSegment(s, condition, reads, refs, relative, ranks.get(s.id())));
                });
        return new Definitions(version, compiled);
    }

    /** Rank = 1 + the highest rank among referenced segments (0 without references); cycles are refused on save. */
    private static Map<String, Integer> ranks(Map<String, Segment> byId) {
        Map<String, Integer> ranks = new HashMap<>();
        for (String id : byId.keySet()) {
            rank(id, byId, ranks, new HashSet<>());
        }
        return ranks;
    }

    private static int rank(String id, Map<String, Segment> byId, Map<String, Integer> ranks, Set<String> visiting) {
        Integer known = ranks.get(id);
        if (known != null) {
            return known;
        }
        Segment s = byId.get(id);
        int rank = 0;
        if (s != null && s.isDynamic() && visiting.add(id)) {
            for (String ref : s.condition().referencedSegments()) {
                if (byId.containsKey(ref) && !visiting.contains(ref)) {
                    rank = Math.max(rank, rank(ref, byId, ranks, visiting) + 1);
                }
            }
            visiting.remove(id);
        }
        ranks.put(id, rank);
        return rank;
    }

    /** An immutable, indexed set of compiled segments. */
    static final class Definitions {

        static final Definitions EMPTY = new Definitions(-1, Map.of());

        final long version;
        private final Map<String, CompiledSegment> byId;
        private final Map<PropertyRef, List<CompiledSegment>> readers = new HashMap<>();
        private final Map<String, List<CompiledSegment>> dependants = new HashMap<>();

        Definitions(long version, Map<String, CompiledSegment> byId) {
            this.version = version;
            this.byId = byId;
            for (CompiledSegment s : byId.values()) {
                for (PropertyRef ref : s.reads()) {
                    readers.computeIfAbsent(ref, k -> new ArrayList<>()).add(s);
                }
                for (String ref : s.refs()) {
                    dependants.computeIfAbsent(ref, k -> new ArrayList<>()).add(s);
                }
            }
        }

        CompiledSegment get(String id) {
            return byId.get(id);
        }

        Collection<CompiledSegment> all() {
            return byId.values();
        }

        /** Dynamic segments reading the property. */
        List<CompiledSegment> readersOf(PropertyRef property) {
            return readers.getOrDefault(property, List.of());
        }

        /** Segments whose condition refers to the segment (in_segment / not_in_segment). */
        List<CompiledSegment> dependantsOf(String segmentId) {
            return dependants.getOrDefault(segmentId, List.of());
        }

        List<CompiledSegment> dynamic(SegmentLevel level) {
            return byId.values().stream().filter(s -> s.dynamic() && s.level() == level).toList();
        }
    }
}
