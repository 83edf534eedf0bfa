package io.partnerportal.segments.application;

import io.partnerportal.bench.Service;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * P5a: every segment computed from scratch in memory (the value store, all cores). P5b: every
 * membership persisted from scratch: the membership tables emptied, then the full recomputation
 * (directory read, evaluation, COPY of every row, one history entry per segment, commit, index
 * installed) — its phases are printed.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BulkBenchmark {

    @Benchmark
    public Map<String, long[]> p5a_computeAllInMemory(BenchFixture f) {
        List<CompiledSegment> ordered = f.definitions().all().stream()
                .sorted(Comparator.comparingInt(CompiledSegment::rank)).toList();
        Map<String, long[]> members = f.bulk.all(ordered, f.values.view(), f.engine.today(), Map.of());
        long total = 0;
        for (long[] bits : members.values()) {
            total += BulkEvaluation.cardinality(bits);
        }
        System.out.printf("[bench] P5a: %d segments, %d memberships (%s)%n", members.size(), total,
                f.service.scale().name());
        return members;
    }

    @State(Scope.Benchmark)
    public static class Empty {
        @Setup(Level.Iteration)
        public void truncate() throws SQLException {
            try (Connection c = Service.current().connect(); Statement st = c.createStatement()) {
                st.execute("TRUNCATE segments.partner_member, segments.contact_member");
            }
        }
    }

    @Benchmark
    public RecomputeReport p5b_persistFromScratch(BenchFixture f, Empty empty) {
        RecomputeReport r = f.administration.recomputeAll(BenchFixture.ACTOR);
        if (!r.initial()) {
            throw new IllegalStateException("the membership tables were not empty");
        }
        long partners = f.values.view().partnerBound();
        long contacts = f.values.view().contactBound();
        System.out.printf("[bench] P5b (%s): total %d ms = read directory %d ms + evaluate %d ms + write %d ms; "
                        + "%d rows (%.1f per contact; %.2f %% of segments × members) at %.0f rows/s written%n",
                f.service.scale().name(), r.millis(), r.readDirectoryMillis(), r.evaluateMillis(), r.writeMillis(),
                r.rowsWritten(), (double) r.rowsWritten() / contacts,
                100.0 * r.rowsWritten() / Math.max(1, selectable(f, partners, contacts)),
                r.rowsWritten() * 1000.0 / Math.max(1, r.writeMillis()));
        return r;
    }

    /** Segments × members of their level: the rows if every record were in every segment. */
    private static long selectable(BenchFixture f, long partners, long contacts) {
        long total = 0;
        for (CompiledSegment s : f.definitions().all()) {
            total += s.level() == io.partnerportal.segments.domain.SegmentLevel.PARTNER ? partners : contacts;
        }
        return total;
    }
}
