package io.partnerportal.partners;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.common.Actor;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.event.ChangeKind;
import io.partnerportal.partners.api.event.PartnerChanged;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import io.partnerportal.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ScenarioTest
class ImportTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    RecordedEvents events;

    TestHttp admin;
    Directory directory;

    @BeforeAll
    void setUp() {
        admin = new TestHttp(server.getURL()).as(TestTokens.admin("importer"));
        directory = new Directory(new TestHttp(server.getURL()));
    }

    @Test
    void a_csv_of_partners_is_imported_with_bad_rows_reported_by_line_and_column() {
        String csv = """
                name,website,crmId.demo,tier,certified,onboarding_phase
                Alpha Imports,https://alpha.example,imp-1,gold,yes,active
                Beta Imports,not a url,imp-2,diamond,maybe,active
                "Gamma, ""the third""\",,imp-3,silver,no,
                ,https://nameless.example,imp-4,,,
                Delta Imports,,imp-5,bronze,true,onboarding
                """;
        JsonNode job = await(admin.send("POST", "/api/admin/partners/imports", csv, "text/csv").expect(202).json(),
                "partners");
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.at("/counts/created").asLong()).isEqualTo(3);
        assertThat(job.at("/counts/failed").asLong()).isEqualTo(2);
        assertThat(job.get("rowsRead").asLong()).isEqualTo(5);
        assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
        List<String> errors = new ArrayList<>();
        job.get("errors").forEach(e -> errors.add(e.get("line").asLong() + ":" + e.get("field").asText()));
        assertThat(errors).containsExactly("3:website", "3:tier", "3:certified", "5:name");

        JsonNode gamma = admin.get("/api/admin/partners?q=gamma").json().at("/items/0");
        assertThat(gamma.get("name").asText()).isEqualTo("Gamma, \"the third\"");
        assertThat(gamma.at("/crmIds/demo").asText()).isEqualTo("imp-3");
        assertThat(gamma.at("/properties/certified").asBoolean()).isFalse();

        // the same file again: rows match by CRM id and change nothing
        JsonNode again = await(admin.send("POST", "/api/admin/partners/imports", csv, "text/csv").expect(202).json(),
                "partners");
        assertThat(again.at("/counts/unchanged").asLong()).isEqualTo(3);
        assertThat(again.at("/counts/created").asLong()).isZero();

        // a change by CRM id updates, with cause IMPORT and the admin as actor
        JsonNode updated = await(admin.send("POST", "/api/admin/partners/imports",
                "crmId.demo,tier\nimp-1,platinum\n", "text/csv").expect(202).json(), "partners");
        assertThat(updated.at("/counts/updated").asLong()).isEqualTo(1);
        String alpha = admin.get("/api/admin/partners?q=alpha%20imports").json().at("/items/0/id").asText();
        PartnerChanged last = events.partners(alpha).get(events.partners(alpha).size() - 1);
        assertThat(last.kind()).isEqualTo(ChangeKind.UPDATED);
        assertThat(last.cause()).isEqualTo(ChangeCause.IMPORT);
        assertThat(last.actor()).isEqualTo(Actor.admin("importer", "importer"));
        assertThat(last.changes()).containsOnlyKeys("tier");
    }

    @Test
    void a_header_with_unknown_columns_fails_the_job_before_any_row() {
        JsonNode job = await(admin.send("POST", "/api/admin/partners/imports", "name,colour,created_at\nX,red,\n",
                "text/csv").expect(202).json(), "partners");
        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("errors").findValuesAsText("field")).containsExactly("colour", "created_at");
        assertThat(job.at("/counts/created").asLong()).isZero();
    }

    @Test
    void contacts_are_imported_from_ndjson_matched_by_email_and_placed_by_partner_crm_id() {
        String partnerId = admin.post("/api/admin/partners", Map.of("name", "Contact home",
                "crmIds", Map.of("hubspot", "hs-home"))).expect(201).text("/id");
        String existing = directory.contactId(partnerId, "known@home.example");
        String ndjson = """
                {"email": "KNOWN@home.example", "firstName": "Known", "properties": {"certified": true}}
                {"email": "new@home.example", "partnerCrmIds": {"hubspot": "hs-home"}, "role": "admin"}
                {"email": "lost@home.example", "partnerCrmIds": {"hubspot": "hs-nowhere"}}
                {"email": "broken@home.example",
                {"email": "typed@home.example", "partnerId": "%s", "properties": {"language": "tlh"}}
                [1, 2]

                {"email": "new@home.example", "lastName": "Newcomer"}
                """.formatted(partnerId);
        JsonNode job = await(admin.send("POST", "/api/admin/contacts/imports", ndjson, "application/x-ndjson")
                .expect(202).json(), "contacts");
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.at("/counts/created").asLong()).isEqualTo(1);
        assertThat(job.at("/counts/updated").asLong()).isEqualTo(2);
        assertThat(job.at("/counts/failed").asLong()).isEqualTo(4);
        List<String> errors = new ArrayList<>();
        job.get("errors").forEach(e -> errors.add(e.get("line").asLong() + ":" + e.get("field").asText()));
        assertThat(errors).containsExactly("3:partnerCrmId.hubspot", "4:null", "5:language", "6:null");

        JsonNode known = admin.get("/api/admin/contacts/" + existing).json();
        assertThat(known.get("firstName").asText()).isEqualTo("Known");
        assertThat(known.at("/properties/certified").asBoolean()).isTrue();
        assertThat(known.get("email").asText()).isEqualTo("KNOWN@home.example");
        JsonNode added = admin.get("/api/admin/contacts?q=new@home.example").json().at("/items/0");
        assertThat(added.get("partnerId").asText()).isEqualTo(partnerId);
        assertThat(added.get("role").asText()).isEqualTo("admin");
        assertThat(added.get("lastName").asText()).isEqualTo("Newcomer");
    }

    @Test
    void a_csv_of_contacts_with_a_duplicate_email_in_another_contact_fails_that_row_only() {
        String partnerId = directory.partnerId("CSV contacts");
        String taken = directory.contactId(partnerId, "taken@csv.example");
        String csv = "id,email,firstName\n" + taken + ",taken@csv.example,Same\n"
                + "3f2b8a52-0000-4000-8000-000000000000,ghost@csv.example,Ghost\n";
        String other = directory.contactId(partnerId, "other@csv.example");
        csv += other + ",TAKEN@csv.example,Thief\n";
        JsonNode job = await(admin.send("POST", "/api/admin/contacts/imports", csv, "text/csv").expect(202).json(),
                "contacts");
        assertThat(job.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(job.at("/counts/failed").asLong()).isEqualTo(2);
        assertThat(job.get("errors").findValuesAsText("field")).containsExactly("id", "email");
    }

    @Test
    void contacts_are_matched_by_crm_id_before_email_so_a_changed_address_updates_the_same_contact() {
        String partnerId = directory.partnerId("CRM matched");
        String ann = admin.post("/api/admin/contacts", Map.of("partnerId", partnerId, "email", "ann@old.example",
                "crmIds", Map.of("demo", "crm-ann"))).expect(201).text("/id");
        String csv = "crmId.demo,email,firstName\ncrm-ann,ann@new.example,Ann\n";
        JsonNode job = await(admin.send("POST", "/api/admin/contacts/imports", csv, "text/csv").expect(202).json(),
                "contacts");
        assertThat(job.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(job.at("/counts/created").asLong()).isZero();
        JsonNode updated = admin.get("/api/admin/contacts/" + ann).expect(200).json();
        assertThat(updated.get("email").asText()).isEqualTo("ann@new.example");
        assertThat(updated.get("firstName").asText()).isEqualTo("Ann");
    }

    @Test
    void partners_are_imported_from_ndjson_and_matched_by_crm_id() {
        String ndjson = """
                {"name": "Nd Alpha", "crmIds": {"demo": "nd-1"}, "properties": {"tier": "gold"}}
                {"name": "Nd Beta", "crmIds": {"demo": "nd-2"}, "properties": {"tier": "diamond"}}
                {"crmIds": {"demo": "nd-1"}, "properties": {"certified": true}}
                """;
        JsonNode job = await(admin.send("POST", "/api/admin/partners/imports", ndjson, "application/x-ndjson")
                .expect(202).json(), "partners");
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.at("/counts/created").asLong()).isEqualTo(1);
        assertThat(job.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(job.at("/counts/failed").asLong()).isEqualTo(1);
        assertThat(job.get("errors").findValuesAsText("field")).containsExactly("tier");
        JsonNode alpha = admin.get("/api/admin/partners?q=nd%20alpha").json().at("/items/0");
        assertThat(alpha.at("/properties/tier").asText()).isEqualTo("gold");
        assertThat(alpha.at("/properties/certified").asBoolean()).isTrue();
        assertThat(admin.get("/api/admin/partners?q=nd%20beta").json().get("total").asLong()).isZero();
    }

    @Test
    void other_content_types_are_refused_and_unknown_jobs_are_404() {
        admin.send("POST", "/api/admin/partners/imports", "name\nX\n", "text/plain").problem(415);
        admin.get("/api/admin/partners/imports/3f2b8a52-0000-4000-8000-000000000000").problem(404);
        new TestHttp(server.getURL()).asContact("c", "p").get("/api/admin/partners/imports/x").problem(403);
    }

    @Test
    void fifty_thousand_rows_are_imported_in_batches_with_exact_counts() {
        int rows = 50_000;
        StringBuilder csv = new StringBuilder("name,crmId.bulk,tier,certified,onboarding_phase\n");
        String[] tiers = {"platinum", "gold", "silver", "bronze", "registered"};
        int bad = 0;
        for (int i = 0; i < rows; i++) {
            boolean broken = i % 1000 == 999;
            if (broken) {
                bad++;
            }
            csv.append("Bulk partner ").append(i).append(",bulk-").append(i).append(',')
                    .append(broken ? "diamond" : tiers[i % tiers.length]).append(',').append(i % 2 == 0)
                    .append(",prospecting\n");
        }
        Instant start = Instant.now();
        JsonNode job = await(admin.send("POST", "/api/admin/partners/imports", csv.toString(), "text/csv")
                .expect(202).json(), "partners");
        System.out.println("Imported " + rows + " partner rows in " + Duration.between(start, Instant.now()).toMillis()
                + " ms");
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("rowsRead").asLong()).isEqualTo(rows);
        assertThat(job.at("/counts/created").asLong()).isEqualTo(rows - bad);
        assertThat(job.at("/counts/failed").asLong()).isEqualTo(bad);
        assertThat(job.get("errors")).hasSize(bad);
        assertThat(job.at("/errors/0/line").asLong()).isEqualTo(1001);
        assertThat(job.at("/errors/0/field").asText()).isEqualTo("tier");
        assertThat(admin.get("/api/admin/partners?q=bulk%20partner&size=1").json().get("total").asLong())
                .isEqualTo(rows - bad);
        assertThat(admin.get("/api/admin/partners?q=bulk%20partner&property.tier=gold&size=1").json().get("total")
                .asLong()).isEqualTo(10_000);
    }

    /** Polls the job until it is done (no fixed sleeps: the condition, with a timeout). */
    private JsonNode await(JsonNode accepted, String level) {
        assertThat(accepted.get("status").asText()).isEqualTo("queued");
        String path = "/api/admin/" + level + "/imports/" + accepted.get("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = admin.get(path).expect(200).json();
            String status = job.get("status").asText();
            if (status.equals("completed") || status.equals("failed")) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + path + " did not finish in time");
    }
}
