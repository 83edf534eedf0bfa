package io.partnerportal.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerportal.testsupport.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged jar the README's way (embedded database, admin password from the
 * environment), checks health and admin login, stops it, and starts it again on the same data
 * directory to show nothing is lost. Prints start-to-ready times for docs/benchmarks.md (P8).
 */
class PackagedJarIT {

    private static final Pattern STARTUP = Pattern.compile("Startup completed in (\\d+)ms");
    private static final Pattern GENERATED_PASSWORD = Pattern.compile("with the generated password (\\S+)");
    private static final Pattern EMBEDDED = Pattern.compile("started an embedded PostgreSQL .*\\((\\d+) ms\\)");

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            stop(p);
        }
    }

    @Test
    void the_packaged_jar_runs_on_its_embedded_database_and_keeps_its_data() throws Exception {
        Path jar = Path.of(System.getProperty("portal.jar", "target/partner-portal.jar"));
        assertThat(jar).exists();
        Path data = Files.createTempDirectory("portal-data");
        Path log = Files.createTempFile("portal", ".log");

        int port = freePort();
        Process first = start(jar, data, port, "first-password-123", log);
        long ready = waitUntilHealthy(port, first, log);
        report("first start (creates and migrates the database)", ready, log);
        assertThat(Files.readString(log)).contains("Database migrated");
        TestHttp http = new TestHttp(URI.create("http://localhost:" + port).toURL());
        http.post("/api/auth/admin/login", Map.of("username", "admin", "password", "wrong-password-1")).problem(401);
        String token = http.post("/api/auth/admin/login", Map.of("username", "admin", "password", "first-password-123"))
                .expect(200).text("/access_token");
        http.as(token).get("/api/admin/me").expect(200);
        stop(first);

        // a second start on the same data directory: the first admin (and everything else) is still there
        int port2 = freePort();
        Path log2 = Files.createTempFile("portal", ".log");
        Process second = start(jar, data, port2, "another-password-456", log2);
        long ready2 = waitUntilHealthy(port2, second, log2);
        report("second start (existing database)", ready2, log2);
        assertThat(Files.readString(log2)).as("the schema is current: no Liquibase run")
                .contains("Liquibase not run").doesNotContain("Database migrated");
        TestHttp http2 = new TestHttp(URI.create("http://localhost:" + port2).toURL());
        http2.post("/api/auth/admin/login", Map.of("username", "admin", "password", "first-password-123")).expect(200);
        http2.post("/api/auth/admin/login", Map.of("username", "admin", "password", "another-password-456"))
                .problem(401);
        // no PORTAL_JWT_SECRET: the key generated at the first start is kept in the database, so a token
        // issued by the first process is still good (as it is on every instance sharing the database)
        http2.as(token).get("/api/admin/me").expect(200);
        assertThat(http2.get("/health").expect(200).text("/status")).isEqualTo("UP");
    }

    @Test
    void without_an_admin_password_the_first_start_generates_one_and_logs_it_once() throws Exception {
        Path jar = Path.of(System.getProperty("portal.jar", "target/partner-portal.jar"));
        Path data = Files.createTempDirectory("portal-data");
        Path log = Files.createTempFile("portal", ".log");
        int port = freePort();
        Process process = start(jar, data, port, null, log, Map.of("PORTAL_LOG_FORMAT", "json"));
        waitUntilHealthy(port, process, log);
        // structured logs: every line the service writes is one JSON object
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("{")) {
                lines.add(TestHttp.JSON.readTree(line));
            }
        }
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l.has("level") && l.has("loggerName")).isTrue());
        Matcher generated = GENERATED_PASSWORD.matcher(Files.readString(log));
        assertThat(generated.find()).as("the generated password is logged:%n%s", Files.readString(log)).isTrue();
        TestHttp http = new TestHttp(URI.create("http://localhost:" + port).toURL());
        http.post("/api/auth/admin/login", Map.of("username", "admin", "password", generated.group(1))).expect(200);
        assertThat(generated.find()).as("logged once").isFalse();
    }

    @Test
    void bin_partner_portal_records_a_class_data_archive_and_starts_from_it() throws Exception {
        // a copy of the jar, so the archive is written next to it in a scratch directory
        Path dir = Files.createTempDirectory("portal-cds");
        Path jar = Files.copy(Path.of(System.getProperty("portal.jar", "target/partner-portal.jar")),
                dir.resolve("partner-portal.jar"));
        Path script = Path.of(System.getProperty("portal.launcher", "../bin/partner-portal"));
        assertThat(script).exists();
        Path data = Files.createTempDirectory("portal-data");

        Path log = Files.createTempFile("portal", ".log");
        int port = freePort();
        Process training = launch(script, jar, data, port, log);
        waitUntilHealthy(port, training, log);
        stop(training); // the archive is written as the JVM exits
        assertThat(dir.resolve("partner-portal.jsa")).as("archive written when the first run stopped").exists();

        Path log2 = Files.createTempFile("portal", ".log");
        int port2 = freePort();
        // -Xshare:on: the JVM refuses to start unless it maps the archive, so a ready service proves it was used
        Process archived = launch(script, jar, data, port2, log2, "-Xshare:on");
        long ready = waitUntilHealthy(port2, archived, log2);
        report("second start from the class-data archive (bin/partner-portal)", ready, log2);
        TestHttp http = new TestHttp(URI.create("http://localhost:" + port2).toURL());
        http.post("/api/auth/admin/login", Map.of("username", "admin", "password", "cds-password-789")).expect(200);
    }

    /** Through bin/partner-portal, with the jar given by PORTAL_JAR and {@code java} of this JVM first on the PATH. */
    private Process launch(Path script, Path jar, Path data, int port, Path log, String... jvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", script.toAbsolutePath().toString()));
        command.addAll(serviceOptions(data, port));
        command.addAll(List.of(jvmOptions));
        return run(command, "cds-password-789", log, Map.of("PORTAL_JAR", jar.toAbsolutePath().toString(),
                "PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator + System.getenv("PATH")));
    }

    private Process start(Path jar, Path data, int port, String adminPassword, Path log) throws IOException {
        return start(jar, data, port, adminPassword, log, Map.of());
    }

    private Process start(Path jar, Path data, int port, String adminPassword, Path log, Map<String, String> env)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(serviceOptions(data, port));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return run(command, adminPassword, log, env);
    }

    private static List<String> serviceOptions(Path data, int port) {
        return List.of("-Dportal.embedded-db.data-dir=" + data, "-Dmicronaut.server.port=" + port);
    }

    /** Starts the service with none of the developer's own database, key or admin settings; output to the log. */
    private Process run(List<String> command, String adminPassword, Path log, Map<String, String> env)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DATASOURCES_DEFAULT_URL");
        pb.environment().remove("PORTAL_JWT_SECRET");
        pb.environment().remove("PORTAL_ADMIN_PASSWORD");
        if (adminPassword != null) {
            pb.environment().put("PORTAL_ADMIN_PASSWORD", adminPassword);
        }
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = pb.start();
        processes.add(process);
        return process;
    }

    private static long waitUntilHealthy(int port, Process process, Path log) throws Exception {
        long started = System.nanoTime();
        TestHttp http = new TestHttp(URI.create("http://localhost:" + port).toURL());
        while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(120)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited early:\n" + Files.readString(log));
            }
            try {
                TestHttp.Response response = http.get("/health/readiness");
                if (response.status() == 200 && response.body().contains("\"UP\"")) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                }
            } catch (java.io.UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not become ready within 120 s:\n" + Files.readString(log));
    }

    private static void report(String what, long readyMillis, Path log) throws IOException {
        String output = Files.readString(log);
        Matcher startup = STARTUP.matcher(output);
        Matcher embedded = EMBEDDED.matcher(output);
        System.out.printf("P8 %s: ready after %d ms (process start to /health/readiness UP); Micronaut startup %s ms, "
                        + "of which embedded PostgreSQL start %s ms%n", what, readyMillis,
                startup.find() ? startup.group(1) : "?", embedded.find() ? embedded.group(1) : "?");
    }

    private static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
