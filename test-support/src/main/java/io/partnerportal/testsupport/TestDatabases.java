package io.partnerportal.testsupport;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives each test class its own database, cloned from a template migrated once.
 * <p>
 * The template holds every module changelog found on the test class path, in dependency order.
 * Its name carries a hash of those changelogs, so a changed changelog gets a fresh template and an
 * unchanged one is reused across test JVMs (creation runs under an advisory lock, so parallel
 * builds never migrate the same template twice). Cloning with {@code CREATE DATABASE ... TEMPLATE}
 * takes a fraction of a second; databases made by this JVM are dropped when it exits.
 */
public final class TestDatabases {

    /** Every module's changelog, in an order in which each may rely on the ones before it. */
    static final List<String> MODULE_CHANGELOGS = List.of(
            "db/changelog/partners.xml", "db/changelog/identity.xml", "db/changelog/segments.xml",
            "db/changelog/roles.xml", "db/changelog/experiences.xml", "db/changelog/deals.xml",
            "db/changelog/quotes.xml", "db/changelog/profile.xml", "db/changelog/notifications.xml",
            "db/changelog/audit.xml",
            "db/changelog/crm.xml", "db/changelog/crm-demo.xml");

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static volatile String template;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated));
    }

    private TestDatabases() {
    }

    /** Creates a fresh, migrated database and returns its JDBC URL. */
    public static String fresh(String label) {
        PostgresServer server = PostgresServer.get();
        String tpl = template(server);
        String name = "pp_t_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet() + "_"
                + label.toLowerCase().replaceAll("[^a-z0-9]", "").substring(0, Math.min(20, label.length()));
        name = name.substring(0, Math.min(name.length(), 60));
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            // Serialise clones: CREATE DATABASE refuses a template another session is copying.
            st.execute("SELECT pg_advisory_lock(727274)");
            try {
                st.execute("CREATE DATABASE " + name + " TEMPLATE " + tpl);
            } finally {
                st.execute("SELECT pg_advisory_unlock(727274)");
            }
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + ": " + e.getMessage(), e);
        }
        return server.urlOf(name);
    }

    /**
     * Creates (or replaces) a migrated database with the given name that outlives the JVM, for
     * benchmarks and reference-scale data; returns its JDBC URL.
     */
    public static String createKept(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,50}")) {
            throw new IllegalArgumentException("database names are lower-case letters, digits and _: " + name);
        }
        PostgresServer server = PostgresServer.get();
        String tpl = template(server);
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_lock(727274)");
            try {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                st.execute("CREATE DATABASE " + name + " TEMPLATE " + tpl);
            } finally {
                st.execute("SELECT pg_advisory_unlock(727274)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
        return server.urlOf(name);
    }

    /**
     * Brings a kept database (benchmarks) up to the changelogs on the class path: changesets added since
     * it was created run, applied ones are skipped.
     */
    public static void migrateKept(String name) {
        try {
            migrate(PostgresServer.get(), name, presentChangelogs());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not migrate database " + name + ": " + e.getMessage(), e);
        }
    }

    private static String template(PostgresServer server) {
        String tpl = template;
        if (tpl == null) {
            synchronized (TestDatabases.class) {
                tpl = template;
                if (tpl == null) {
                    tpl = createTemplate(server);
                    template = tpl;
                }
            }
        }
        return tpl;
    }

    private static String createTemplate(PostgresServer server) {
        List<String> changelogs = presentChangelogs();
        String name = "pp_tpl_" + hash(changelogs);
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_lock(727273)");
            try {
                if (!complete(st, name)) {
                    st.execute("DROP DATABASE IF EXISTS " + name);
                    st.execute("CREATE DATABASE " + name);
                    migrate(server, name, changelogs);
                    st.execute("COMMENT ON DATABASE " + name + " IS 'complete'");
                }
            } finally {
                st.execute("SELECT pg_advisory_unlock(727273)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the template database: " + e.getMessage(), e);
        }
        return name;
    }

    private static boolean complete(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                + "WHERE datname = '" + name + "'")) {
            return rs.next() && "complete".equals(rs.getString(1));
        }
    }

    /** Runs each changelog on its own connection: closing a Liquibase instance closes its connection. */
    @SuppressWarnings("deprecation")
    private static void migrate(PostgresServer server, String database, List<String> changelogs) throws SQLException {
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.uiService", "LOGGER");
        for (String changelog : changelogs) {
            Connection c = DriverManager.getConnection(server.urlOf(database), server.username(), server.password());
            try {
                Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                try (Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(), db)) {
                    liquibase.update(new Contexts());
                }
            } catch (Exception e) {
                throw new IllegalStateException("Migrating " + changelog + " into " + database + " failed: "
                        + e.getMessage(), e);
            } finally {
                c.close();
            }
        }
    }

    static List<String> presentChangelogs() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        List<String> present = new ArrayList<>();
        for (String changelog : MODULE_CHANGELOGS) {
            if (cl.getResource(changelog) != null) {
                present.add(changelog);
            }
        }
        return present;
    }

    /** Hash of every changelog file and of the files they include, so any edit makes a new template. */
    private static String hash(List<String> changelogs) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            for (String changelog : changelogs) {
                digest.update(changelog.getBytes(StandardCharsets.UTF_8));
                try (InputStream in = cl.getResourceAsStream(changelog)) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropCreated() {
        if (CREATED.isEmpty()) {
            return;
        }
        try (Connection c = PostgresServer.get().connect(); Statement st = c.createStatement()) {
            for (String name : CREATED) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException ignored) {
            // best effort at JVM exit; a leftover test database is harmless
        }
    }
}
