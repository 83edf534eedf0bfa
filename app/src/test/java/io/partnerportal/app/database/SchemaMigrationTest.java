package io.partnerportal.app.database;

import io.micronaut.jdbc.DataSourceResolver;
import io.partnerportal.app.database.SchemaMigration.Outcome;
import io.partnerportal.testsupport.PostgresServer;
import io.partnerportal.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Liquibase runs on start only when the database may not hold exactly the application's changelogs. */
class SchemaMigrationTest {

    private static final String MASTER = "classpath:db/changelog/master.xml";

    private final PGSimpleDataSource database = dataSource(TestDatabases.fresh("SchemaMigration"));
    private final SchemaMigration migration = new SchemaMigration(MASTER, DataSourceResolver.DEFAULT);

    @Test
    void a_database_whose_changelogs_match_the_recorded_fingerprint_is_not_migrated_again() throws SQLException {
        assertThat(migration.migrateIfNeeded(database)).isEqualTo(Outcome.MIGRATED); // nothing recorded yet
        assertThat(migration.migrateIfNeeded(database)).isEqualTo(Outcome.UP_TO_DATE);
        assertThat(count("SELECT count(*) FROM public.schema_fingerprint")).isEqualTo(1);
    }

    @Test
    void changed_changelogs_run_liquibase_and_record_the_new_fingerprint() throws SQLException {
        migration.migrateIfNeeded(database);
        execute("UPDATE public.schema_fingerprint SET fingerprint = 'an older release'");

        assertThat(migration.migrateIfNeeded(database)).isEqualTo(Outcome.MIGRATED);
        assertThat(migration.migrateIfNeeded(database)).isEqualTo(Outcome.UP_TO_DATE);
    }

    @Test
    void a_changelog_table_that_does_not_hold_every_changeset_runs_liquibase_every_time() throws SQLException {
        migration.migrateIfNeeded(database);
        execute("INSERT INTO public.databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype)"
                + " VALUES ('applied-by-hand', 'ops', 'hand.xml', now(), 999, 'EXECUTED')");

        assertThat(migration.migrateIfNeeded(database)).isEqualTo(Outcome.MIGRATED);
        assertThat(migration.migrateIfNeeded(database)).isEqualTo(Outcome.MIGRATED);
    }

    @Test
    void the_fingerprint_follows_includes_and_counts_changesets() {
        ClassLoader loader = getClass().getClassLoader();
        ChangelogFingerprint plain = ChangelogFingerprint.of("fingerprint/plain.xml", loader);
        ChangelogFingerprint child = ChangelogFingerprint.of("fingerprint/child.xml", loader);

        assertThat(plain.trustworthy()).isTrue();
        assertThat(plain.changeSets()).isEqualTo(2);
        assertThat(plain.value()).isNotEqualTo(child.value()).isEqualTo(ChangelogFingerprint.of("fingerprint/plain.xml", loader).value());
        assertThat(ChangelogFingerprint.of("db/changelog/master.xml", loader).changeSets())
                .as("every module's changesets, through master.xml's includes").isGreaterThan(20);
    }

    @Test
    void changelogs_the_fingerprint_cannot_follow_are_never_trusted() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(ChangelogFingerprint.of("fingerprint/include-all.xml", loader).trustworthy()).isFalse();
        assertThat(ChangelogFingerprint.of("fingerprint/missing.xml", loader).trustworthy()).isFalse();
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(PostgresServer.get().username());
        ds.setPassword(PostgresServer.get().password());
        return ds;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
