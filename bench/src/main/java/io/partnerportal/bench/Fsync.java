package io.partnerportal.bench;

import io.partnerportal.testsupport.TestDatabases;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * What one durable commit costs on this machine: {@code pg_test_fsync} (when installed) on the disk
 * of the PostgreSQL data directory, and the latency of committing a one-row insert (synchronous_commit
 * on, as the service runs).
 */
final class Fsync {

    private Fsync() {
    }

    static void report() throws IOException, InterruptedException, SQLException {
        File[] versions = new File("/usr/lib/postgresql").listFiles();
        File tool = versions == null ? null : Arrays.stream(versions)
                .map(v -> new File(v, "bin/pg_test_fsync")).filter(File::canExecute).findFirst().orElse(null);
        if (tool != null) {
            Process p = new ProcessBuilder(tool.getPath(), "-s", "2", "-f", "/var/tmp/bench_fsync.tmp")
                    .redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().filter(l -> l.contains("ops/sec") || l.contains("Compare") || l.contains("fdatasync")
                        || l.contains("fsync")).forEach(l -> Bench.say("pg_test_fsync: %s", l.trim()));
            }
            p.waitFor();
        } else {
            Bench.say("pg_test_fsync is not installed (postgresql-15 package); commit latency only");
        }
        Bench.say("commit of a one-row insert: %s", commitLatency(1_000));
    }

    /** Percentiles of autocommitted one-row inserts into a scratch database. */
    static String commitLatency(int commits) throws SQLException {
        String url = TestDatabases.createKept("bench_fsync");
        try (Connection c = java.sql.DriverManager.getConnection(url, io.partnerportal.testsupport.PostgresServer.get()
                .username(), io.partnerportal.testsupport.PostgresServer.get().password())) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE commit_probe (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())");
                st.execute("SHOW synchronous_commit");
            }
            long[] micros = new long[commits];
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO commit_probe DEFAULT VALUES")) {
                for (int i = 0; i < 100; i++) {
                    ps.executeUpdate();
                }
                for (int i = 0; i < commits; i++) {
                    long t = System.nanoTime();
                    ps.executeUpdate();
                    micros[i] = (System.nanoTime() - t) / 1_000;
                }
            }
            Arrays.sort(micros);
            return String.format("%d commits: p50 %d µs, p90 %d µs, p99 %d µs, max %d µs (%s)", commits,
                    micros[commits / 2], micros[commits * 9 / 10], micros[commits * 99 / 100], micros[commits - 1],
                    Bench.load());
        }
    }
}
