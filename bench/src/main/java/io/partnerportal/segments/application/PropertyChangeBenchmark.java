package io.partnerportal.segments.application;

import io.partnerportal.bench.Service;
import io.partnerportal.segments.domain.condition.PropertyRef;
import io.partnerportal.segments.domain.condition.Scope;
import io.partnerportal.partners.api.PartnerRecord;
import io.partnerportal.partners.api.ContactRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * P3: one property change through the partners' command port, in its own transaction: the directory
 * write, the change event, membership maintenance of the segments reading the property (and their
 * in_segment dependants) with history, the journal entry, the durable commit and the index update.
 * The rolled-back variant does everything up to the commit and then rolls back (no journal, no
 * fsync). {@code p3_inProcess}: only what the target names, from memory (affected segments
 * re-evaluated and the diff computed, no database). {@code commit_oneRowInsert}: what a durable
 * commit alone costs here.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PropertyChangeBenchmark {

    @org.openjdk.jmh.annotations.State(org.openjdk.jmh.annotations.Scope.Thread)
    public static class Change {
        /** Contact properties read by many, some and few segments of the dataset. */
        @Param({"certified", "mfa_enabled", "notes"})
        public String property;
        int i;
        final boolean[] flipped = new boolean[256];

        @Setup(Level.Trial)
        public void setUp(BenchFixture f) {
            int readers = f.definitions().readersOf(new PropertyRef(Scope.CONTACT, property)).size();
            io.partnerportal.bench.Bench.class.getName();
            System.out.printf("[bench] P3: contact.%s is read by %d segments%n", property, readers);
        }

        Object value(boolean flip) {
            return switch (property) {
                case "notes" -> flip ? "renewal pilot" : "upsell workshop";
                default -> flip;
            };
        }
    }

    @Benchmark
    public ContactRecord p3_contactChange_committed(BenchFixture f, Change c) {
        int i = c.i++ & 255;
        boolean flip = c.flipped[i] = !c.flipped[i];
        return f.commands.setContactProperties(f.contacts[i], Map.of(c.property, c.value(flip)), BenchFixture.CHANGE);
    }

    @Benchmark
    public Object p3_contactChange_rolledBack(BenchFixture f, Change c) {
        int i = c.i++ & 255;
        boolean flip = !c.flipped[i];
        return f.transactions.executeWrite(status -> {
            ContactRecord r = f.commands.setContactProperties(f.contacts[i], Map.of(c.property, c.value(flip)),
                    BenchFixture.CHANGE);
            status.setRollbackOnly();
            return r;
        });
    }

    /**
     * P3 as the target names it: the same change, in process only. The segments reading the
     * property re-evaluated for the contact (or its partner over its contacts) with the new value,
     * their in_segment dependants after them, and the membership diff against the access index,
     * from memory: nothing is written, so each contact alternates between both values (for a boolean
     * one of the two is a real change).
     */
    @Benchmark
    public Object p3_inProcess(BenchFixture f, Change c) {
        int i = c.i++ & 255;
        boolean flip = c.flipped[i] = !c.flipped[i];
        return f.evaluation.changedMembershipsIf(f.contacts[i], c.property, c.value(flip));
    }

    @org.openjdk.jmh.annotations.State(org.openjdk.jmh.annotations.Scope.Thread)
    public static class PartnerChange {
        int i;
        final boolean[] flipped = new boolean[256];

        @Setup(Level.Trial)
        public void setUp(BenchFixture f) {
            int readers = f.definitions().readersOf(new PropertyRef(Scope.PARTNER, "tier")).size();
            System.out.printf("[bench] P3: partner.tier is read by %d segments%n", readers);
        }
    }

    /** A partner-level change of an ordinary partner (fewer than 100 contacts). */
    @Benchmark
    public PartnerRecord p3_partnerTierChange_committed(BenchFixture f, PartnerChange c) {
        int i = c.i++ & 255;
        boolean flip = c.flipped[i] = !c.flipped[i];
        return f.commands.setPartnerProperties(f.partners[i], Map.of("tier", flip ? "gold" : "silver"),
                BenchFixture.CHANGE);
    }

    @org.openjdk.jmh.annotations.State(org.openjdk.jmh.annotations.Scope.Thread)
    public static class Probe {
        Connection connection;
        PreparedStatement insert;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            connection = Service.current().connect();
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS public.bench_commit_probe "
                        + "(id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())");
            }
            insert = connection.prepareStatement("INSERT INTO public.bench_commit_probe DEFAULT VALUES");
        }

        @org.openjdk.jmh.annotations.TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            connection.close();
        }
    }

    @Benchmark
    public int commit_oneRowInsert(Probe p) throws SQLException {
        return p.insert.executeUpdate();
    }
}
