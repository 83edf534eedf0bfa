package io.partnerportal.segments;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import io.partnerportal.segments.application.IndexFollower;
import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.index.DenseIds;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import io.partnerportal.testsupport.dataset.DatasetLoader;
import io.partnerportal.testsupport.dataset.DatasetSpec;
import io.partnerportal.testsupport.dataset.ReferenceDataset;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference dataset generator at small scale (1,000 partners, 10,000 contacts, 150 segments):
 * loaded with COPY behind the service's back, computed from scratch, then the in-memory index, the
 * persisted membership and independent evaluations agree exactly, before and after real-time changes.
 */
@ScenarioTest
class GeneratedDatasetTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Test
    @SuppressWarnings("unchecked")
    void a_generated_dataset_is_computed_from_scratch_and_index_persisted_and_evaluation_agree() throws SQLException {
        TestHttp admin = new TestHttp(server.getURL()).asAdmin();
        ReferenceDataset data = new ReferenceDataset(DatasetSpec.of(1_000).withSegments(150));
        DatasetLoader loader = new DatasetLoader(data);
        loader.addCatalogue(admin);
        List<String> segments = loader.createSegments(admin);
        String url = context.getRequiredProperty("datasources.default.url", String.class);
        String user = context.getRequiredProperty("datasources.default.username", String.class);
        String password = context.getProperty("datasources.default.password", String.class).orElse("");
        DatasetLoader.RecordLoad load = loader.loadRecords(() -> DriverManager.getConnection(url, user, password), 2);
        assertThat(load.contacts()).isEqualTo(10_000);

        // the first computation writes every membership (COPY, one history entry per segment)
        JsonNode initial = admin.post("/api/admin/segments/recompute", Map.of()).expect(200).json();
        assertThat(initial.get("initial").asBoolean()).isTrue();
        assertThat(initial.get("rowsWritten").asLong()).isPositive();
        assertThat(initial.get("directoryFixes").asLong()).as("segments' copy of the directory was empty")
                .isEqualTo(11_000);
        assertIndexMatchesDatabase(admin);
        // a second computation from scratch finds nothing to change
        assertNothingToFix(admin);

        // records loaded by COPY read back through the directory exactly as generated
        String bigPartner = data.partnerId(data.bigPartner()).toString();
        JsonNode partner = admin.get("/api/admin/partners/" + bigPartner).expect(200).json();
        assertThat(partner.get("properties").size()).isGreaterThan(5);
        assertThat(admin.get("/api/admin/partners/" + bigPartner + "/contacts?size=1").expect(200).json()
                .get("total").asLong()).isEqualTo(1_000);

        // explanations evaluate through the directory and the stored rows: they agree with membership
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 60; i++) {
            String segment = segments.get(random.nextInt(segments.size()));
            long contact = random.nextLong(data.spec().contacts());
            JsonNode explained = admin.get("/api/admin/segments/" + segment + "/explain?contactId="
                    + data.contactId(contact)).expect(200).json();
            if (explained.has("consistent")) {
                assertThat(explained.get("consistent").asBoolean()).as("explanation of %s for contact %s: %s",
                        segment, data.contactId(contact), explained.get("tree")).isTrue();
            }
        }

        // real-time changes on top of the bulk load keep all three in step
        Scenario s = new Scenario(new TestHttp(server.getURL()));
        for (int i = 0; i < 20; i++) {
            int p = random.nextInt(data.partnerCount());
            s.setPartner(data.partnerId(p).toString(), Map.of("tier", List.of("gold", "silver", "platinum").get(i % 3),
                    "certified", i % 2 == 0));
            long c = random.nextLong(data.spec().contacts());
            s.setContact(data.contactId(c).toString(), Map.of("certified", i % 2 == 1, "department", "sales"));
        }
        s.setPartner(bigPartner, Map.of("tier", "platinum", "country", "nl"));
        assertIndexMatchesDatabase(admin);
        assertNothingToFix(admin);
        assertIndexMatchesDatabase(admin);

        // loaded again from the database, as at start or on another instance (binary COPY of the rows, members
        // searched forward in id order, the value store loaded alongside): the same
        context.getBean(IndexFollower.class).reload();
        assertIndexMatchesDatabase(admin);
        // the binary reading of the rows gives what a plain query of them gives (count and an order-free sum)
        MembershipStore rows = context.getBean(MembershipStore.class);
        for (SegmentLevel level : SegmentLevel.values()) {
            long[] binary = new long[2];
            long[] text = new long[2];
            TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
            transactions.executeRead(status -> {
                rows.forEachMembershipId(level, (segment, member) -> {
                    binary[0]++;
                    binary[1] += pairHash(segment.toString(), member.toString());
                });
                rows.forEachMembership(level, (segment, member) -> {
                    text[0]++;
                    text[1] += pairHash(segment, member);
                });
                return null;
            });
            assertThat(binary).as("%s membership rows", level).containsExactly(text);
            assertThat(binary[0]).isPositive();
        }
        // that forward search needs Java to order uuids as PostgreSQL does (unsigned bytes)
        try (Connection c = DriverManager.getConnection(url, user, password);
             ResultSet rs = c.createStatement().executeQuery("SELECT contact_id FROM segments.contact_state ORDER BY contact_id")) {
            DenseIds ids = new DenseIds();
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
            assertThat(ids.ascending().sorted()).isEqualTo(10_000);
        }
    }

    private static long pairHash(String segment, String member) {
        return (long) segment.hashCode() * 1_000_003L + member.hashCode() * 31L + (long) member.hashCode() * segment.hashCode();
    }

    /** Index = persisted rows (all of them), and index = a fresh per-record evaluation (500 contacts). */
    private static void assertIndexMatchesDatabase(TestHttp admin) {
        JsonNode index = admin.get("/api/admin/segments/index/verification?sample=500").expect(200).json();
        assertThat(index.get("ready").asBoolean()).isTrue();
        assertThat(index.get("differences").size()).as("index vs database: %s", index).isZero();
        assertThat(index.get("placementDifferences").asLong()).isZero();
        assertThat(index.get("evaluatedContacts").asInt()).isEqualTo(500);
        assertThat(index.get("evaluationDifferences").size()).as("index vs fresh evaluation: %s", index).isZero();
    }

    private static void assertNothingToFix(TestHttp admin) {
        JsonNode again = admin.post("/api/admin/segments/recompute", Map.of()).expect(200).json();
        assertThat(again.get("initial").asBoolean()).isFalse();
        assertThat(again.get("joined").asLong()).as("%s", again).isZero();
        assertThat(again.get("left").asLong()).as("%s", again).isZero();
        assertThat(again.get("directoryFixes").asLong()).isZero();
    }
}
