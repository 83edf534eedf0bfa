package io.partnerportal.app.database;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Migrates the database with Liquibase when the default data source is created, before any module
 * uses it — unless the database already holds exactly these changelogs. Checking a dozen changelogs
 * that are all applied costs Liquibase about a second of every start (XML parsing, checksums, its
 * lock; P8 in docs/benchmarks.md), so after each successful migration the changelogs' fingerprint is
 * recorded in {@code public.schema_fingerprint}; a start whose fingerprint matches, and whose
 * {@code databasechangelog} holds as many changesets as the files declare, skips Liquibase. Anything
 * else — a new or edited changeset, a file the fingerprint cannot follow, rows missing — runs
 * Liquibase as usual (its lock covers instances starting together). Tests migrate their template
 * database themselves and set {@code liquibase.enabled=false}.
 */
@Singleton
@Requires(property = "liquibase.enabled", notEquals = "false")
class SchemaMigration implements BeanCreatedEventListener<DataSource> {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    private final String changeLog;
    private final DataSourceResolver resolver;

    SchemaMigration(@Value("${liquibase.datasources.default.change-log:classpath:db/changelog/master.xml}") String changeLog,
                    DataSourceResolver resolver) {
        this.changeLog = changeLog.startsWith("classpath:") ? changeLog.substring("classpath:".length()) : changeLog;
        this.resolver = resolver;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        String name = event.getBeanIdentifier().getName();
        if (!"default".equals(name) && !"primary".equals(name)) {
            return event.getBean();
        }
        migrateIfNeeded(resolver.resolve(event.getBean()));
        return event.getBean();
    }

    /** What a start did to the schema. */
    enum Outcome { UP_TO_DATE, MIGRATED }

    Outcome migrateIfNeeded(DataSource dataSource) {
        long started = System.nanoTime();
        ChangelogFingerprint fingerprint = ChangelogFingerprint.of(changeLog, getClass().getClassLoader());
        try {
            if (upToDate(dataSource, fingerprint)) {
                LOG.info("Database schema is up to date with the {} changesets of {} (fingerprint {}); Liquibase not run",
                        fingerprint.changeSets(), changeLog, fingerprint.shortValue());
                return Outcome.UP_TO_DATE;
            }
            LOG.info("Migrating the database with {} ({} changesets)", changeLog, fingerprint.changeSets());
            migrate(dataSource);
            record(dataSource, fingerprint);
            LOG.info("Database migrated in {} ms", (System.nanoTime() - started) / 1_000_000);
            return Outcome.MIGRATED;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not migrate the database with " + changeLog + ": " + e.getMessage()
                    + ". Check that the database is reachable and the user may create schemas and tables.", e);
        }
    }

    private static boolean upToDate(DataSource dataSource, ChangelogFingerprint fingerprint) throws SQLException {
        if (!fingerprint.trustworthy()) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('public.schema_fingerprint') IS NOT NULL"
                     + " AND to_regclass('public.databasechangelog') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return false;
            }
            try (ResultSet row = st.executeQuery("SELECT f.fingerprint, (SELECT count(*) FROM public.databasechangelog)"
                    + " FROM public.schema_fingerprint f WHERE f.id = 1")) {
                return row.next() && fingerprint.value().equals(row.getString(1))
                        && row.getLong(2) == fingerprint.changeSets();
            }
        }
    }

    @SuppressWarnings("deprecation") // the Liquibase facade, as the tests use it: stable across 4.x
    private void migrate(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            try (Liquibase liquibase = new Liquibase(changeLog, new ClassLoaderResourceAccessor(), database)) {
                liquibase.update(new Contexts());
            }
        } catch (LiquibaseException e) {
            throw new IllegalStateException("Liquibase could not migrate the database with " + changeLog + ": "
                    + e.getMessage(), e);
        }
    }

    private static void record(DataSource dataSource, ChangelogFingerprint fingerprint) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS public.schema_fingerprint (id int PRIMARY KEY CHECK (id = 1),"
                        + " fingerprint text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO public.schema_fingerprint (id, fingerprint)"
                    + " VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, recorded_at = now()")) {
                ps.setString(1, fingerprint.value());
                ps.executeUpdate();
            }
        }
    }
}
