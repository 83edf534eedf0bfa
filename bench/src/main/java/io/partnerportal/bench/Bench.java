package io.partnerportal.bench;

import io.partnerportal.segments.application.AccessIndex;
import io.partnerportal.testsupport.TestDatabases;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The benchmark command line (see bench/README.md):
 * <pre>
 *   generate &lt;10k|100k|1m&gt; [streams]   (re)generate a scale's database
 *   run small|reference|&lt;scale,...&gt; [include-regex]   datasets if missing, then the JMH benchmarks
 *   fsync                              this machine's fsync and commit latency
 *   memory &lt;scale&gt;                     heap held by the index and value store at a scale
 *   p2-tail &lt;scale&gt;                    whether P2's tail is some contacts' work or the machine
 *   p2-cache &lt;scale&gt;                   P2 for a contact whose data is in the CPU caches and for one whose is not
 *   jitter                             how often and how long the machine takes the CPU from a running thread
 * </pre>
 * The PostgreSQL server comes from TEST_JDBC_URL / TEST_JDBC_USER (default 127.0.0.1:5432, postgres).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("TEST_JDBC_URL") == null && System.getenv("TEST_JDBC_URL") == null) {
            System.setProperty("TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
            System.setProperty("TEST_JDBC_USER", "postgres");
        }
        String command = args.length == 0 ? "help" : args[0];
        String pages = Pages.warning();
        if (pages != null && !command.equals("help")) {
            say("WARNING: %s", pages);
        }
        switch (command) {
            case "generate" -> Datasets.generate(Scale.parse(arg(args, 1, "1m")), Scale.parse(arg(args, 1, "1m")).spec(),
                    Integer.parseInt(arg(args, 2, "2")));
            case "run" -> run(arg(args, 1, "small"), arg(args, 2, ".*"));
            case "fsync" -> Fsync.report();
            case "jitter" -> say("machine jitter: %s", Jitter.measure(5_000));
            case "memory" -> memory(Scale.parse(arg(args, 1, "1m")));
            case "p2-tail" -> onService(Scale.parse(arg(args, 1, "10k")),
                    io.partnerportal.segments.application.P2Tail::report);
            case "p2-cache" -> onService(Scale.parse(arg(args, 1, "10k")), (service, database) -> {
                settle();
                io.partnerportal.segments.application.P2Cache.report(service, database);
            });
            default -> {
                System.out.println("usage: generate <10k|100k|1m> [streams] | run small|reference|<scales> [regex] "
                        + "| fsync | jitter | memory <scale> | p2-tail <scale> | p2-cache <scale>");
                return;
            }
        }
        System.exit(0);
    }

    /** Runs a report against the service started on a scale's database (generated first if missing). */
    private static void onService(Scale scale, java.util.function.BiConsumer<Service, String> report) {
        Datasets.ensure(scale, 2);
        try (Service service = Service.start(scale, false)) {
            report.accept(service, scale.database);
        }
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }

    static void say(String format, Object... args) {
        System.out.printf("[bench %s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
        System.out.flush();
    }

    /** The machine's load, printed next to every figure. */
    static String load() {
        try {
            return "load " + Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0] + " "
                    + Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[1] + " "
                    + Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[2] + ", "
                    + Runtime.getRuntime().availableProcessors() + " cpus, heap max "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, " + Pages.describe();
        } catch (IOException e) {
            return "load unknown";
        }
    }

    /**
     * Waits until the service is quiet before the sampled benchmarks: on two CPUs, start-up work still
     * running after "ready" (compilation, collection, background jobs) would share a CPU with the
     * benchmark thread and show in its tail. Quiet: the process used less than a fifth of one CPU over
     * the last second; at most 60 s. (It does not explain P1's bimodal runs at 100k: those start quiet.)
     */
    static void settle() {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long started = System.nanoTime();
        double busy = 1;
        while (System.nanoTime() - started < 60_000_000_000L) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            Service.sleep(1_000);
            busy = (os.getProcessCpuTime() - cpu) / (double) (System.nanoTime() - wall);
            if (busy < 0.2) {
                break;
            }
        }
        say("settled after %d ms (the process used %.2f CPUs over the last second)",
                (System.nanoTime() - started) / 1_000_000, busy);
    }

    /** Small: 10k and 100k contacts, short iterations (under 5 minutes once the datasets exist). */
    private static void run(String what, String include) throws RunnerException, IOException {
        boolean reference = what.equals("reference");
        List<Scale> scales = new ArrayList<>();
        if (what.equals("small")) {
            scales.add(Scale.C10K);
            scales.add(Scale.C100K);
        } else if (reference) {
            scales.add(Scale.C1M);
        } else {
            for (String s : what.split(",")) {
                scales.add(Scale.parse(s));
            }
        }
        Files.createDirectories(Path.of("bench/target")); // JMH writes its results there (relative to where it runs)
        List<String> summary = new ArrayList<>();
        for (Scale scale : scales) {
            Datasets.ensure(scale, 2);
            try (Service service = Service.start(scale, false)) {
                AccessIndex.Memory memory = service.bean(AccessIndex.class).memory();
                say("%s: service ready (index and value store loaded) in %d ms; index %d MiB, %.0f bytes per contact; %s",
                        scale.database, service.readyMillis(), memory.total() >> 20, memory.bytesPerContact(), load());
                settle();
                say("machine jitter (next to P2): %s", Jitter.measure(3_000));
                // sampled latencies: P1, P2, P2b, P3 and the commit baseline (small runs: 3 × 1 s warm-up, so
                // that C2 has compiled the evaluation before the p99 is taken, then 3 × 1 s)
                summary.addAll(jmh(scale, "\\.(p1|p2|p2b|p3|commit)_.*", include, reference ? 2 : 3,
                        3, reference ? 3 : 1, "sampled"));
                // seconds-long operations: P4, P5a, P7 (one warm-up, then 3 or 5 timed runs)
                summary.addAll(jmh(scale, "\\.(p4|p5a|p7)_.*", include, 1, reference ? 5 : 3, 0, "single"));
                // persisting everything from scratch: P5b (last: it rewrites the memberships)
                summary.addAll(jmh(scale, "\\.p5b_.*", include, 0, 1, 0, "single"));
            }
        }
        Path out = Path.of("bench/target/summary-" + what.replace(',', '-') + ".txt");
        Files.write(out, summary, StandardCharsets.UTF_8);
        say("Summary (%s):", out);
        summary.forEach(System.out::println);
    }

    /**
     * Runs the matching benchmarks in this JVM (the service is already up: no fork re-loads a
     * million records) and returns one summary line per result.
     */
    private static List<String> jmh(Scale scale, String group, String include, int warmups, int measurements,
                                    int seconds, String kind) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                // both the group and the caller's pattern must match (a lookahead makes one regex of the two)
                .include("^(?=.*(" + include + ")).*io\\.partnerportal\\..*Benchmark" + group)
                .param("scale", scale.name())
                .forks(0)
                .threads(1)
                .warmupIterations(warmups)
                .measurementIterations(measurements)
                .result("bench/target/jmh-" + scale.name() + "-" + Math.abs(group.hashCode()) + ".json")
                .resultFormat(ResultFormatType.JSON)
                .shouldFailOnError(true);
        if (seconds > 0) {
            options.warmupTime(TimeValue.seconds(seconds)).measurementTime(TimeValue.seconds(seconds));
        }
        List<String> lines = new ArrayList<>();
        Collection<RunResult> results;
        try {
            results = new Runner(options.build()).run();
        } catch (org.openjdk.jmh.runner.NoBenchmarksException e) {
            return lines; // the caller's pattern selects nothing of this group
        }
        for (RunResult run : results) {
            String name = run.getParams().getBenchmark().replaceAll(".*\\.", "");
            String params = run.getParams().getParamsKeys().stream().filter(k -> !k.equals("scale"))
                    .map(k -> k + "=" + run.getParams().getParam(k)).reduce((a, b) -> a + "," + b).orElse("");
            Result<?> primary = run.getPrimaryResult();
            var stats = primary.getStatistics();
            lines.add(String.format("%-34s %-6s %-28s n=%-8d mean=%-10.3f p50=%-10.3f p99=%-10.3f max=%-10.3f %s (%s)",
                    name, scale.name(), params, stats.getN(), stats.getMean(), stats.getPercentile(50),
                    stats.getPercentile(99), stats.getMax(), primary.getScoreUnit(), load()));
            for (BenchmarkResult b : run.getBenchmarkResults()) {
                b.getSecondaryResults().forEach((k, v) -> lines.add(String.format("    %s: %.3f %s", k, v.getScore(),
                        v.getScoreUnit())));
            }
        }
        return lines;
    }

    /** Heap after a full GC with the scale loaded, against the same service on an empty database. */
    private static void memory(Scale scale) {
        Datasets.ensure(scale, 2);
        long empty;
        TestDatabases.createKept("bench_empty");
        try (Service service = Service.startOn("bench_empty")) {
            empty = usedAfterGc();
        }
        try (Service service = Service.start(scale, false)) {
            long used = usedAfterGc();
            AccessIndex.Memory index = service.bean(AccessIndex.class).memory();
            long contacts = scale.contacts();
            long dataset = used - empty;
            say("%s: heap used after GC %d MiB (empty database: %d MiB); held for the dataset %d MiB = %.0f bytes per "
                            + "contact; of which access index %d MiB (%.0f bytes per contact: bits %d MiB, ids %d MiB, "
                            + "arrays %d MiB), value store and caches %d MiB (%.0f bytes per contact); %s",
                    scale.database, used >> 20, empty >> 20, dataset >> 20, (double) dataset / contacts,
                    index.total() >> 20, index.bytesPerContact(), index.bitBytes() >> 20, index.idBytes() >> 20,
                    index.arrayBytes() >> 20, (dataset - index.total()) >> 20,
                    (double) (dataset - index.total()) / contacts, load());
        }
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Service.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
