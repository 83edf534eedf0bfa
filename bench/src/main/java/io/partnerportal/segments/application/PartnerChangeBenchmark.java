package io.partnerportal.segments.application;

import io.partnerportal.segments.api.Audience;
import io.partnerportal.segments.domain.SegmentLevel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * P4: the partner with 10,000 contacts changes tier (gold ↔ silver); measured until every one of its
 * contacts' access checks on this instance reflects it (checked for all of them after the call).
 * Every dataset segment reading partner.tier is maintained, plus two of the benchmark's own.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PartnerChangeBenchmark {

    @State(Scope.Benchmark)
    public static class Tier {
        Audience goldContacts;
        Audience goldPartners;
        boolean gold;

        @Setup(Level.Trial)
        public void setUp(BenchFixture f) {
            goldContacts = Audience.segments((f.ensureSegment("Bench P4: contacts of gold partners",
                    SegmentLevel.CONTACT, BenchFixture.condition(
                            "{\"property\": \"partner.tier\", \"op\": \"in\", \"values\": [\"gold\"]}"))));
            goldPartners = Audience.segments((f.ensureSegment("Bench P4: gold partners",
                    SegmentLevel.PARTNER, BenchFixture.condition(
                            "{\"property\": \"partner.tier\", \"op\": \"in\", \"values\": [\"gold\"]}"))));
            gold = f.access.isAdmitted(f.bigPartnerContacts[0], goldPartners);
            System.out.printf("[bench] P4: partner %s with %d contacts; partner.tier is read by %d segments%n",
                    f.bigPartner, f.bigPartnerContacts.length, f.definitions().readersOf(
                            new io.partnerportal.segments.domain.condition.PropertyRef(
                                    io.partnerportal.segments.domain.condition.Scope.PARTNER, "tier")).size());
        }

        /**
         * The previous change's member history rows, written in the background after its commit (ADR 0012),
         * are finished before the next change is measured: a partner does not change tier every two seconds.
         */
        @Setup(Level.Iteration)
        public void settle(BenchFixture f) {
            long started = System.nanoTime();
            long rows = f.history.expandPending();
            System.out.printf("[bench] P4: previous change's history rows settled (%d written here) in %d ms%n", rows,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Benchmark
    public int p4_bigPartnerTierChange(BenchFixture f, Tier t) {
        t.gold = !t.gold;
        long started = System.nanoTime();
        f.commands.setPartnerProperties(f.bigPartner, Map.of("tier", t.gold ? "gold" : "silver"), BenchFixture.CHANGE);
        System.out.printf("[bench] P4: change committed and applied to this instance's index in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        int reflected = 0;
        for (String contact : f.bigPartnerContacts) {
            if (f.access.isAdmitted(contact, t.goldContacts) != t.gold
                    || f.access.isAdmitted(contact, t.goldPartners) != t.gold) {
                throw new IllegalStateException("contact " + contact + " does not reflect the change yet");
            }
            reflected++;
        }
        return reflected;
    }
}
