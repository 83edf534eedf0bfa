package io.partnerportal.partners;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ScenarioTest
class ContactApiTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    TestHttp admin;
    Directory directory;

    @BeforeAll
    void setUp() {
        admin = new TestHttp(server.getURL()).asAdmin();
        directory = new Directory(new TestHttp(server.getURL()));
    }

    @Test
    void a_new_contact_gets_the_default_role_and_is_invited() {
        String partnerId = directory.partnerId("Contacts Inc");
        JsonNode contact = admin.post("/api/admin/contacts", Map.of("partnerId", partnerId, "email", "Ann@Acme.example",
                "firstName", "Ann", "lastName", "Lee", "properties", Map.of("certified", true, "language", "en")))
                .expect(201).json();
        assertThat(contact.get("partnerId").asText()).isEqualTo(partnerId);
        assertThat(contact.get("email").asText()).isEqualTo("Ann@Acme.example");
        assertThat(contact.get("role").asText()).isEqualTo("sales_rep");
        assertThat(contact.get("portalStatus").asText()).isEqualTo("invited");
        assertThat(contact.get("lastLogin").isNull()).isTrue();
        assertThat(contact.at("/properties/language").asText()).isEqualTo("en");
        assertThat(admin.get("/api/admin/contacts/" + contact.get("id").asText()).expect(200).json()).isEqualTo(contact);
    }

    @Test
    void e_mail_addresses_are_unique_whatever_their_case() {
        String partnerId = directory.partnerId("Unique mail");
        String email = Directory.email("dup");
        directory.contactId(partnerId, email);
        JsonNode problem = admin.post("/api/admin/contacts", Map.of("partnerId", partnerId,
                "email", email.toUpperCase())).problem(409);
        assertThat(problem.get("pointer").asText()).isEqualTo("/email");

        String other = directory.contactId(partnerId, Directory.email("other"));
        admin.patch("/api/admin/contacts/" + other, Map.of("email", email.toUpperCase())).problem(409);
    }

    @Test
    void required_fields_and_bad_values_are_422_with_pointers() {
        JsonNode problem = admin.post("/api/admin/contacts", Map.of("email", "not-an-address", "role", "boss",
                "portalStatus", "sleeping", "properties", Map.of("language", "klingon", "email", "x@y.example")))
                .problem(422);
        assertThat(problem.get("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/partnerId", "/email",
                "/role", "/portalStatus", "/properties/language", "/properties/email");

        JsonNode unknownPartner = admin.post("/api/admin/contacts", Map.of("email", Directory.email("orphan"),
                "partnerId", "3f2b8a52-0000-4000-8000-000000000000")).problem(422);
        assertThat(unknownPartner.at("/errors/0/pointer").asText()).isEqualTo("/partnerId");
    }

    @Test
    void a_contact_moves_to_another_partner_with_a_patch() {
        String from = directory.partnerId("From");
        String to = directory.partnerId("To");
        String id = directory.contactId(from, Directory.email("mover"));
        JsonNode moved = admin.patch("/api/admin/contacts/" + id, Map.of("partnerId", to)).expect(200).json();
        assertThat(moved.get("partnerId").asText()).isEqualTo(to);
        assertThat(moved.get("version").asLong()).isEqualTo(2);
        assertThat(admin.get("/api/admin/partners/" + to + "/contacts").json().get("items").findValuesAsText("id"))
                .containsExactly(id);
        assertThat(admin.get("/api/admin/partners/" + from + "/contacts").json().get("total").asLong()).isZero();
    }

    @Test
    void unsetting_the_role_gives_back_the_default_role() {
        String partnerId = directory.partnerId("Roles");
        JsonNode contact = directory.contact(partnerId, Directory.email("boss"), Map.of("role", "admin"));
        assertThat(contact.get("role").asText()).isEqualTo("admin");
        JsonNode patched = admin.patch("/api/admin/contacts/" + contact.get("id").asText(), json("{\"role\": null}"))
                .expect(200).json();
        assertThat(patched.get("role").asText()).isEqualTo("sales_rep");
    }

    @Test
    void contacts_are_searched_filtered_and_sorted() {
        String partnerId = directory.partnerId("Searchable");
        String marker = "zq" + System.nanoTime();
        directory.contact(partnerId, marker + "-a@s.example", Map.of("firstName", "Alma", "role", "admin",
                "properties", Map.of("certified", true)));
        directory.contact(partnerId, marker + "-b@s.example", Map.of("firstName", "Bert",
                "properties", Map.of("certified", false)));
        directory.contact(partnerId, marker + "-c@s.example", Map.of("firstName", "Cees", "lastName", "Marker",
                "role", "admin", "portalStatus", "disabled"));

        JsonNode all = admin.get("/api/admin/contacts?q=" + marker + "&sort=-email").expect(200).json();
        assertThat(all.get("items").findValuesAsText("firstName")).containsExactly("Cees", "Bert", "Alma");
        JsonNode admins = admin.get("/api/admin/contacts?q=" + marker + "&property.role=admin&property.portal_status="
                + "invited").expect(200).json();
        assertThat(admins.get("items").findValuesAsText("firstName")).containsExactly("Alma");
        JsonNode certified = admin.get("/api/admin/partners/" + partnerId + "/contacts?property.certified=true")
                .expect(200).json();
        assertThat(certified.get("items").findValuesAsText("firstName")).containsExactly("Alma");
        JsonNode byName = admin.get("/api/admin/contacts?q=cees%20marker").expect(200).json();
        assertThat(byName.get("items").findValuesAsText("firstName")).containsExactly("Cees");
        admin.get("/api/admin/contacts?size=1000").problem(422);
        admin.get("/api/admin/partners/3f2b8a52-0000-4000-8000-000000000000/contacts").problem(404);
    }

    @Test
    void a_deleted_contact_is_gone() {
        String partnerId = directory.partnerId("Deleting");
        String id = directory.contactId(partnerId, Directory.email("gone"));
        admin.with("If-Match", "\"7\"").delete("/api/admin/contacts/" + id).problem(412);
        admin.with("If-Match", "\"1\"").delete("/api/admin/contacts/" + id).expect(204);
        admin.get("/api/admin/contacts/" + id).problem(404);
        admin.delete("/api/admin/contacts/" + id).problem(404);
    }

    @Test
    void deleting_a_partner_while_a_contact_is_added_to_it_never_fails_with_500() throws Exception {
        for (int i = 0; i < 10; i++) {
            String partnerId = directory.partnerId("Race " + i);
            java.util.concurrent.CompletableFuture<TestHttp.Response> delete = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> admin.delete("/api/admin/partners/" + partnerId));
            java.util.concurrent.CompletableFuture<TestHttp.Response> add = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> admin.post("/api/admin/contacts", Map.of("partnerId", partnerId,
                            "email", Directory.email("racer"))));
            int deleted = delete.get().status();
            int added = add.get().status();
            if (deleted == 204) {
                assertThat(added).as("contact added to a deleted partner").isEqualTo(422);
            } else {
                assertThat(deleted).isEqualTo(409);
                assertThat(added).isEqualTo(201);
            }
        }
    }

    private static Map<String, Object> json(String text) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = TestHttp.JSON.readValue(text, HashMap.class);
            return map;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void a_stale_if_match_or_version_on_a_contact_patch_is_412_and_changes_nothing() {
        String partnerId = directory.partnerId("Stale edits");
        String id = directory.contactId(partnerId, Directory.email("stale"));
        admin.patch("/api/admin/contacts/" + id, Map.of("firstName", "First", "version", 1)).expect(200);
        JsonNode stale = admin.patch("/api/admin/contacts/" + id, Map.of("firstName", "Second", "version", 1))
                .problem(412);
        assertThat(stale.get("currentVersion").asLong()).isEqualTo(2);
        admin.with("If-Match", "\"1\"").patch("/api/admin/contacts/" + id, Map.of("firstName", "Third")).problem(412);
        JsonNode contact = admin.get("/api/admin/contacts/" + id).expect(200).json();
        assertThat(contact.get("firstName").asText()).isEqualTo("First");
        assertThat(contact.get("version").asLong()).isEqualTo(2);
        admin.with("If-Match", "\"2\"").patch("/api/admin/contacts/" + id, Map.of("firstName", "Fourth")).expect(200);
    }
}
