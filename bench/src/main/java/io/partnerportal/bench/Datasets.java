package io.partnerportal.bench;

import io.partnerportal.common.Actor;
import io.partnerportal.segments.application.RecomputeReport;
import io.partnerportal.segments.application.SegmentAdministration;
import io.partnerportal.testsupport.PostgresServer;
import io.partnerportal.testsupport.TestDatabases;
import io.partnerportal.testsupport.TestHttp;
import io.partnerportal.testsupport.dataset.DatasetLoader;
import io.partnerportal.testsupport.dataset.DatasetSpec;
import io.partnerportal.testsupport.dataset.ReferenceDataset;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Generates a benchmark database: a fresh migrated database, the catalogue additions and segments
 * through the admin API, partners and contacts with COPY, then every membership computed from
 * scratch. The database's comment names the dataset, so a run can tell whether it holds what it needs.
 */
final class Datasets {

    private Datasets() {
    }

    /** Whether the scale's database holds the complete dataset of this spec. */
    static boolean present(Scale scale, DatasetSpec spec) {
        try (Connection c = PostgresServer.get().connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            ps.setString(1, scale.database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && (spec.label() + " complete").equals(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void ensure(Scale scale, int streams) {
        if (!present(scale, scale.spec())) {
            generate(scale, scale.spec(), streams);
        } else {
            // a dataset generated before a schema change gets the new changesets (the service does not migrate)
            TestDatabases.migrateKept(scale.database);
        }
    }

    static void generate(Scale scale, DatasetSpec spec, int streams) {
        long started = System.nanoTime();
        Bench.say("Generating %s into database %s (%s)", spec.label(), scale.database, Bench.load());
        TestDatabases.createKept(scale.database);
        ReferenceDataset data = new ReferenceDataset(spec);
        DatasetLoader loader = new DatasetLoader(data);
        try (Service service = Service.start(scale, true)) {
            TestHttp admin = new TestHttp(URI.create(service.baseUrl()).toURL()).asAdmin();
            loader.addCatalogue(admin);
            long segmentsStarted = System.nanoTime();
            loader.createSegments(admin);
            long segmentsMillis = (System.nanoTime() - segmentsStarted) / 1_000_000;
            DatasetLoader.RecordLoad load = loader.loadRecords(service::connect, streams);
            RecomputeReport report = service.bean(SegmentAdministration.class).recomputeAll(Actor.system("bench"));
            try (Connection c = PostgresServer.get().connect(); Statement st = c.createStatement()) {
                st.execute("COMMENT ON DATABASE " + scale.database + " IS '" + spec.label() + " complete'");
            }
            Bench.say("Dataset %s: %d segments created in %d ms (admin API); %d partners COPY %d ms; %d contacts COPY "
                            + "%d ms (%.0f rows/s); indexes and keys rebuilt %d ms; load total %d ms",
                    scale.database, spec.segments(), segmentsMillis, load.partners(), load.copyPartnersMillis(),
                    load.contacts(), load.copyContactsMillis(), load.contactsPerSecond(), load.indexMillis(),
                    load.totalMillis());
            Bench.say("Dataset %s: initial computation %d ms: read directory %d ms, evaluate %d ms, write %d ms, "
                            + "%d membership rows (%.1f per contact)", scale.database, report.millis(),
                    report.readDirectoryMillis(), report.evaluateMillis(), report.writeMillis(), report.rowsWritten(),
                    (double) report.rowsWritten() / spec.contacts());
        } catch (SQLException | java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        Bench.say("Generated %s in %d s", scale.database, (System.nanoTime() - started) / 1_000_000_000L);
    }
}
