package io.partnerportal.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The one PostgreSQL server of a test JVM: {@code TEST_JDBC_URL} when set (CI points it at the
 * machine's server), else a Testcontainers PostgreSQL 15 when Docker is available, else an
 * embedded PostgreSQL started once and stopped when the JVM exits.
 *
 * @param jdbcUrl  a database on the server to run administrative statements from
 * @param username the user that may create databases
 * @param password its password (may be empty)
 */
public record PostgresServer(String jdbcUrl, String username, String password) {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static volatile PostgresServer instance;

    public static PostgresServer get() {
        PostgresServer server = instance;
        if (server == null) {
            synchronized (PostgresServer.class) {
                server = instance;
                if (server == null) {
                    server = start();
                    instance = server;
                }
            }
        }
        return server;
    }

    private static PostgresServer start() {
        String url = setting("TEST_JDBC_URL");
        if (url != null) {
            String user = setting("TEST_JDBC_USER");
            String password = setting("TEST_JDBC_PASSWORD");
            LOG.info("Tests use the PostgreSQL server at {}", url.replaceAll("password=[^&]*", "password=***"));
            return new PostgresServer(url, user == null ? "postgres" : user, password == null ? "" : password);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            LOG.info("Tests use a Testcontainers PostgreSQL at {}", container.getJdbcUrl());
            return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary data directory is removed by zonky
                }
            }));
            String jdbc = pg.getJdbcUrl("postgres", "postgres");
            LOG.info("Tests use an embedded PostgreSQL at {}", jdbc);
            return new PostgresServer(jdbc, "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL for the tests; set TEST_JDBC_URL "
                    + "to a server instead", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? null : value;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /** The JDBC URL of another database on this server. */
    public String urlOf(String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?', slash);
        String suffix = query < 0 ? "" : jdbcUrl.substring(query);
        return jdbcUrl.substring(0, slash + 1) + database + suffix;
    }
}
