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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ScenarioTest
class PartnerApiTest implements PortalTest {

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
    void an_admin_creates_reads_and_lists_a_partner() {
        TestHttp.Response created = admin.post("/api/admin/partners", Map.of("name", "Acme", "website",
                "https://acme.example", "crmIds", Map.of("demo", "123"),
                "properties", Map.of("tier", "gold", "onboarding_phase", "prospecting", "certified", true)));
        JsonNode partner = created.expect(201).json();
        String id = partner.get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/admin/partners/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(partner.get("name").asText()).isEqualTo("Acme");
        assertThat(partner.get("website").asText()).isEqualTo("https://acme.example");
        assertThat(partner.at("/crmIds/demo").asText()).isEqualTo("123");
        assertThat(partner.at("/properties/tier").asText()).isEqualTo("gold");
        assertThat(partner.at("/properties/certified").asBoolean()).isTrue();
        assertThat(partner.get("version").asLong()).isEqualTo(1);
        assertThat(partner.get("createdAt").asText()).endsWith("Z");

        TestHttp.Response read = admin.get("/api/admin/partners/" + id).expect(200);
        assertThat(read.json()).isEqualTo(partner);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void a_merge_patch_sets_and_unsets_only_what_it_names() {
        String id = directory.partnerId("Patchable", Map.of("tier", "gold", "certified", true));
        JsonNode patched = admin.patch("/api/admin/partners/" + id, json(
                "{\"website\": \"https://patch.example\", \"properties\": {\"tier\": null, \"onboarding_phase\": \"onboarding\"}}"))
                .expect(200).json();
        assertThat(patched.get("name").asText()).isEqualTo("Patchable");
        assertThat(patched.get("website").asText()).isEqualTo("https://patch.example");
        assertThat(patched.get("properties").has("tier")).isFalse();
        assertThat(patched.at("/properties/certified").asBoolean()).isTrue();
        assertThat(patched.at("/properties/onboarding_phase").asText()).isEqualTo("onboarding");
        assertThat(patched.get("version").asLong()).isEqualTo(2);

        JsonNode unset = admin.patch("/api/admin/partners/" + id, json("{\"website\": null}")).expect(200).json();
        assertThat(unset.get("website").isNull()).isTrue();
    }

    @Test
    void bad_property_values_are_422_with_a_pointer_each_and_nothing_is_written() {
        String id = directory.partnerId("Validated", Map.of("tier", "gold"));
        JsonNode problem = admin.patch("/api/admin/partners/" + id, json("{\"name\": \"Renamed\", \"properties\": {"
                + "\"tier\": \"diamond\", \"certified\": \"yes\", \"no_such_thing\": 1, \"created_at\": \"2024-01-01T00:00:00Z\"}}"))
                .problem(422);
        assertThat(problem.get("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder(
                "/properties/tier", "/properties/certified", "/properties/no_such_thing", "/properties/created_at");
        assertThat(problem.get("errors").findValuesAsText("code")).containsExactlyInAnyOrder(
                "unknown_option", "wrong_type", "unknown_property", "read_only");

        JsonNode unchanged = admin.get("/api/admin/partners/" + id).expect(200).json();
        assertThat(unchanged.get("name").asText()).isEqualTo("Validated");
        assertThat(unchanged.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void an_option_label_instead_of_its_key_is_refused_with_a_hint() {
        JsonNode problem = admin.post("/api/admin/partners", Map.of("name", "Labels",
                "properties", Map.of("tier", "Gold"))).problem(422);
        assertThat(problem.at("/errors/0/pointer").asText()).isEqualTo("/properties/tier");
        assertThat(problem.at("/errors/0/message").asText()).contains("did you mean the key 'gold'");
    }

    @Test
    void a_missing_name_and_a_bad_website_are_reported_together() {
        JsonNode problem = admin.post("/api/admin/partners", Map.of("website", "ftp://nope", "colour", "red"))
                .problem(422);
        assertThat(problem.get("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/name", "/website", "/colour");
    }

    @Test
    void a_stale_if_match_or_version_is_412() {
        String id = directory.partnerId("Versioned");
        admin.with("If-Match", "\"1\"").patch("/api/admin/partners/" + id, Map.of("name", "Versioned 2")).expect(200);
        JsonNode problem = admin.with("If-Match", "\"1\"").patch("/api/admin/partners/" + id,
                Map.of("name", "Versioned 3")).problem(412);
        assertThat(problem.get("currentVersion").asLong()).isEqualTo(2);
        admin.patch("/api/admin/partners/" + id, Map.of("name", "Versioned 3", "version", 1)).problem(412);
        admin.patch("/api/admin/partners/" + id, Map.of("name", "Versioned 3", "version", 2)).expect(200);
        assertThat(admin.get("/api/admin/partners/" + id).json().get("name").asText()).isEqualTo("Versioned 3");
        admin.with("If-Match", "\"2\"").delete("/api/admin/partners/" + id).problem(412);
    }

    @Test
    void unknown_ids_are_404_and_unparsable_json_is_400() {
        admin.get("/api/admin/partners/3f2b8a52-0000-4000-8000-000000000000").problem(404);
        admin.get("/api/admin/partners/not-an-id").problem(404);
        admin.patch("/api/admin/partners/3f2b8a52-0000-4000-8000-000000000000", Map.of("name", "x")).problem(404);
        admin.send("POST", "/api/admin/partners", "{\"name\": ", "application/json").problem(400);
        admin.send("POST", "/api/admin/partners", "[1, 2]", "application/json").problem(422);
    }

    @Test
    void lists_page_search_filter_and_sort() {
        String marker = "Listed" + System.nanoTime();
        for (int i = 0; i < 7; i++) {
            directory.partnerId(marker + " " + i, Map.of("tier", i % 2 == 0 ? "gold" : "silver",
                    "certified", i < 3));
        }
        JsonNode page = admin.get("/api/admin/partners?q=" + marker.toLowerCase() + "&size=3&page=1&sort=-name")
                .expect(200).json();
        assertThat(page.get("total").asLong()).isEqualTo(7);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(3);
        assertThat(page.get("items").findValuesAsText("name")).containsExactly(marker + " 3", marker + " 2",
                marker + " 1");

        JsonNode gold = admin.get("/api/admin/partners?q=" + marker + "&property.tier=gold&property.certified=true")
                .expect(200).json();
        assertThat(gold.get("items").findValuesAsText("name")).containsExactly(marker + " 0", marker + " 2");
        JsonNode anyOf = admin.get("/api/admin/partners?q=" + marker + "&property.tier=gold,silver").expect(200).json();
        assertThat(anyOf.get("total").asLong()).isEqualTo(7);
    }

    @Test
    void list_parameters_are_validated_together() {
        JsonNode problem = admin.get("/api/admin/partners?size=501&sort=colour&property.tier=diamond&property.nope=1")
                .problem(422);
        assertThat(problem.get("errors").findValuesAsText("parameter"))
                .containsExactlyInAnyOrder("size", "sort", "property.tier", "property.nope");
        admin.get("/api/admin/partners?size=500").expect(200);
    }

    @Test
    void a_partner_with_contacts_cannot_be_deleted_one_without_can() {
        String id = directory.partnerId("Has contacts");
        String contactId = directory.contactId(id, Directory.email("someone"));
        JsonNode problem = admin.delete("/api/admin/partners/" + id).problem(409);
        assertThat(problem.get("contactCount").asLong()).isEqualTo(1);

        admin.delete("/api/admin/contacts/" + contactId).expect(204);
        admin.delete("/api/admin/partners/" + id).expect(204);
        admin.get("/api/admin/partners/" + id).problem(404);
    }

    @Test
    void crm_ids_are_unique_per_system() {
        admin.post("/api/admin/partners", Map.of("name", "First", "crmIds", Map.of("hubspot", "hs-1"))).expect(201);
        JsonNode problem = admin.post("/api/admin/partners", Map.of("name", "Second", "crmIds",
                Map.of("hubspot", "hs-1"))).problem(409);
        assertThat(problem.get("pointer").asText()).isEqualTo("/crmIds/hubspot");
        admin.post("/api/admin/partners", Map.of("name", "Third", "crmIds", Map.of("salesforce", "hs-1"))).expect(201);
    }

    @Test
    void values_of_every_type_round_trip_in_their_json_form() {
        admin.post("/api/admin/properties", Map.of("level", "partner", "key", "founded", "label", "Founded",
                "type", "date")).expect(201);
        admin.post("/api/admin/properties", Map.of("level", "partner", "key", "renewal_at", "label", "Renewal",
                "type", "datetime")).expect(201);
        admin.post("/api/admin/properties", Map.of("level", "partner", "key", "revenue", "label", "Revenue",
                "type", "number")).expect(201);
        admin.post("/api/admin/properties", Map.of("level", "partner", "key", "regions", "label", "Regions",
                "type", "multi_enum", "options", List.of(Map.of("key", "emea", "label", "EMEA"),
                        Map.of("key", "apac", "label", "APAC"), Map.of("key", "amer", "label", "Americas"))))
                .expect(201);
        TestHttp.Response response = admin.send("POST", "/api/admin/partners", "{\"name\": \"Typed\", \"properties\": {"
                + "\"founded\": \"2001-02-03\", \"renewal_at\": \"2030-01-01T10:00:00+02:00\", "
                + "\"revenue\": 12345678901234567890.125, \"regions\": [\"emea\", \"amer\", \"emea\"], "
                + "\"partner_manager\": \"admin-7\", \"logo\": \"https://cdn.example/logo.png\"}}",
                "application/json").expect(201);
        JsonNode partner = response.json();
        assertThat(partner.at("/properties/founded").asText()).isEqualTo("2001-02-03");
        assertThat(partner.at("/properties/renewal_at").asText()).isEqualTo("2030-01-01T08:00:00Z");
        assertThat(response.body()).contains("\"revenue\":12345678901234567890.125");
        assertThat(partner.at("/properties/regions").toString()).isEqualTo("[\"amer\",\"emea\"]");
        assertThat(partner.at("/properties/logo").asText()).isEqualTo("https://cdn.example/logo.png");
        String id = partner.get("id").asText();
        assertThat(admin.get("/api/admin/partners/" + id).json().get("properties")).isEqualTo(partner.get("properties"));

        JsonNode filtered = admin.get("/api/admin/partners?property.regions=apac,amer&property.revenue="
                + "12345678901234567890.125").expect(200).json();
        assertThat(filtered.get("items").findValuesAsText("id")).containsExactly(id);

        JsonNode problem = admin.patch("/api/admin/partners/" + id, Map.of("properties", Map.of(
                "founded", "03/02/2001", "renewal_at", "tomorrow", "revenue", "12", "regions", List.of("emea", "mars"),
                "logo", "not a url"))).problem(422);
        assertThat(problem.get("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder(
                "/properties/founded", "/properties/renewal_at", "/properties/revenue", "/properties/regions/1",
                "/properties/logo");
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
}
