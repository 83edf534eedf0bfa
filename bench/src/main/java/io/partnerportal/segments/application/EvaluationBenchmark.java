package io.partnerportal.segments.application;

import io.partnerportal.segments.domain.SegmentLevel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * P2: one contact evaluated afresh against every segment (contact-level conditions evaluated in
 * memory, partner-level memberships looked up). P2b: a partner-level any_contact condition evaluated
 * for the partner with 10,000 contacts — the dataset's own any_contact / all_contacts segments, and a
 * condition no contact meets (every contact is examined).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvaluationBenchmark {

    @State(Scope.Thread)
    public static class Cursor {
        int i;
    }

    @State(Scope.Benchmark)
    public static class ContactScopes {
        String noMatch;
        String[] generated;

        @Setup(Level.Trial)
        public void setUp(BenchFixture f) {
            noMatch = f.ensureSegment("Bench P2b: any contact at nowhere.invalid", SegmentLevel.PARTNER,
                    BenchFixture.condition("{\"op\": \"any_contact\", \"where\": {\"property\": \"contact.email\", "
                            + "\"op\": \"ends_with\", \"value\": \"@nowhere.invalid\"}}"));
            List<String> found = new ArrayList<>();
            for (CompiledSegment s : f.definitions().all()) {
                if (s.readsContacts() && !s.id().equals(noMatch) && !s.segment().name().startsWith("Bench")) {
                    found.add(s.id());
                }
            }
            generated = found.toArray(String[]::new);
        }
    }

    @Benchmark
    public Set<String> p2_contactAgainstAllSegments(BenchFixture f, Cursor c) {
        return f.evaluation.segmentsOfContact(f.contacts[c.i++ & 4095]);
    }

    @Benchmark
    public boolean p2b_anyContact_bigPartner_noneMatch(BenchFixture f, ContactScopes s) {
        return f.evaluation.partnerMatches(s.noMatch, f.bigPartner);
    }

    @Benchmark
    public boolean p2b_anyContact_bigPartner_datasetSegments(BenchFixture f, ContactScopes s, Cursor c) {
        return f.evaluation.partnerMatches(s.generated[c.i++ % s.generated.length], f.bigPartner);
    }
}
