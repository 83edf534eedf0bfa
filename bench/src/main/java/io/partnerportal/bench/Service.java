package io.partnerportal.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.segments.application.IndexFollower;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The service (every module, as the app assembles them) running in this JVM against a benchmark
 * database, with the test settings (fixed JWT secret, no demo data). Benchmarks reach it through
 * {@link #current()}.
 */
public final class Service implements AutoCloseable {

    private static volatile Service current;

    private final Scale scale;
    private final String url;
    private final ApplicationContext context;
    private final long readyMillis;

    private Service(Scale scale, String url, ApplicationContext context, long readyMillis) {
        this.scale = scale;
        this.url = url;
        this.context = context;
        this.readyMillis = readyMillis;
    }

    /** Starts the service on the scale's database and waits until its in-memory index is loaded. */
    public static Service start(Scale scale, boolean http) {
        return start(scale, scale.database, http);
    }

    /** The service on any (migrated) database, without HTTP. */
    static Service startOn(String database) {
        return start(null, database, false);
    }

    private static Service start(Scale scale, String database, boolean http) {
        String url = PostgresServer.get().urlOf(database);
        Map<String, Object> properties = new HashMap<>(PortalTest.testSettings());
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.username", PostgresServer.get().username());
        properties.put("datasources.default.password", PostgresServer.get().password());
        properties.put("datasources.default.maximum-pool-size", "20");
        properties.put("micronaut.server.port", -1);
        long started = System.nanoTime();
        ApplicationContext context = ApplicationContext.builder().properties(properties).environments("bench").start();
        if (http) {
            context.getBean(EmbeddedServer.class).start();
        }
        IndexFollower follower = context.getBean(IndexFollower.class);
        long deadline = System.currentTimeMillis() + 30 * 60_000L;
        while (!follower.ready()) {
            if (System.currentTimeMillis() > deadline) {
                context.close();
                throw new IllegalStateException("the access index did not load within 30 minutes");
            }
            sleep(50);
        }
        Service service = new Service(scale, url, context, (System.nanoTime() - started) / 1_000_000);
        service.skipDailyReevaluation();
        current = service;
        return service;
    }

    /**
     * The daily re-evaluation of relative dates runs at the first hourly tick of a day that no instance
     * has run it for: on a bench database that recomputes a hundred segments in the background of
     * whatever is being measured. Marks today and tomorrow (UTC) as done — the memberships were
     * computed when the dataset was generated, and a benchmark does not measure the daily run.
     */
    private void skipDailyReevaluation() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        try (Connection c = connect(); var insert = c.prepareStatement(
                "INSERT INTO segments.daily_run (day) VALUES (?), (?) ON CONFLICT DO NOTHING")) {
            insert.setObject(1, today);
            insert.setObject(2, today.plusDays(1));
            insert.executeUpdate();
        } catch (SQLException e) {
            Bench.say("could not mark the daily re-evaluation as done (%s): a run across an hour may include it",
                    e.getMessage());
        }
    }

    /** The service the running benchmarks use. */
    public static Service current() {
        Service s = current;
        if (s == null) {
            throw new IllegalStateException("no service running: benchmarks run through io.partnerportal.bench.Bench");
        }
        return s;
    }

    public Scale scale() {
        return scale;
    }

    public ApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** From context start to the access index and value store loaded. */
    public long readyMillis() {
        return readyMillis;
    }

    public String baseUrl() {
        return context.getBean(EmbeddedServer.class).getURL().toString();
    }

    /** A new connection of its own to the service's database. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, PostgresServer.get().username(), PostgresServer.get().password());
    }

    @Override
    public void close() {
        if (current == this) {
            current = null;
        }
        context.close();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
