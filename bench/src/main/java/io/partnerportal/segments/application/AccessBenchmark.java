package io.partnerportal.segments.application;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** P1: is a contact admitted by an audience of 1–10 segments, through {@code SegmentAccess}, warm. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AccessBenchmark {

    @State(Scope.Thread)
    public static class Cursor {
        int i;
    }

    @Benchmark
    public boolean p1_isAdmitted(BenchFixture f, Cursor c) {
        int i = c.i++;
        return f.access.isAdmitted(f.contacts[i & 4095], f.audiences[(i * 7) & 255]);
    }
}
