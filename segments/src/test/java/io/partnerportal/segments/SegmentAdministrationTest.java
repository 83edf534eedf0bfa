package io.partnerportal.segments;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.partnerportal.segments.Scenario.all;
import static io.partnerportal.segments.Scenario.inSegment;
import static io.partnerportal.segments.Scenario.leaf;
import static org.assertj.core.api.Assertions.assertThat;

/** Creating, reading, replacing and deleting segments through the admin API, and every way to get it wrong. */
@ScenarioTest
class SegmentAdministrationTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    Scenario s;
    String gold;
    String silver;

    @BeforeAll
    void data() {
        s = new Scenario(new TestHttp(server.getURL()));
        gold = s.partner("Gold Co", Map.of("tier", "gold"));
        silver = s.partner("Silver Co", Map.of("tier", "silver"));
        s.contact(gold, "ann@gold.example", Map.of());
        s.contact(gold, "bob@gold.example", Map.of());
    }

    @Test
    void a_new_dynamic_segment_answers_with_its_exact_membership() {
        JsonNode created = s.admin.post("/api/admin/segments", Map.of("name", "Gold partners", "description",
                "Top-tier partner companies", "level", "partner", "kind", "dynamic",
                "condition", leaf("partner.tier", "in", List.of("gold", "platinum")),
                "permissions", Map.of("inviteTeamMembers", true))).expect(201).json();

        assertThat(created.get("memberCount").asLong()).isEqualTo(1);
        assertThat(created.get("contactCount").asLong()).isEqualTo(2);
        assertThat(created.get("version").asLong()).isEqualTo(1);
        assertThat(created.at("/permissions/inviteTeamMembers").asBoolean()).isTrue();
        assertThat(created.at("/permissions/collaborationRestricted").isNull()).isTrue();
        assertThat(created.at("/condition/values/1").asText()).isEqualTo("platinum");
        assertThat(s.members(created.get("id").asText())).containsExactly(gold);
        assertThat(s.admin.get("/api/admin/segments/" + created.get("id").asText()).expect(200).text("/name"))
                .isEqualTo("Gold partners");
    }

    @Test
    void names_are_unique_ignoring_case() {
        s.segment("Silver partners", "partner", leaf("partner.tier", "in", List.of("silver")));
        JsonNode problem = s.admin.post("/api/admin/segments", Map.of("name", "SILVER PARTNERS", "level", "partner",
                "kind", "dynamic", "condition", leaf("partner.tier", "in", List.of("gold")))).problem(409);
        assertThat(problem.get("detail").asText()).contains("already exists");
    }

    @Test
    void a_bad_condition_is_a_422_with_every_error_and_nothing_is_saved() {
        long before = s.admin.get("/api/admin/segments?size=500").json().get("total").asLong();
        JsonNode problem = s.admin.post("/api/admin/segments", Map.of("name", "Broken", "level", "partner",
                "kind", "dynamic", "condition", all(leaf("partner.nope", "eq", "x"),
                        leaf("partner.tier", "in", List.of("Gold"))))).problem(422);
        assertThat(problem.get("errors").findValuesAsText("pointer"))
                .contains("/condition/all/0/property", "/condition/all/1/values/0");
        assertThat(s.admin.get("/api/admin/segments?size=500").json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void wrong_types_and_missing_fields_are_422_with_pointers() {
        JsonNode problem = s.admin.post("/api/admin/segments", Map.of("name", 5, "level", "team", "kind", "dynamic",
                "permissions", Map.of("inviteTeamMembers", "yes"), "colour", "red")).problem(422);
        assertThat(problem.get("errors").findValuesAsText("pointer")).contains("/name", "/level",
                "/permissions/inviteTeamMembers", "/colour");
        s.admin.send("POST", "/api/admin/segments", "{\"name\": ", "application/json").problem(400);
    }

    @Test
    void a_static_segment_has_no_condition_and_a_dynamic_one_needs_one() {
        s.admin.post("/api/admin/segments", Map.of("name", "Static with condition", "level", "partner", "kind",
                "static", "condition", leaf("partner.tier", "is_set", null))).problem(422);
        JsonNode problem = s.admin.post("/api/admin/segments", Map.of("name", "Dynamic without", "level", "partner",
                "kind", "dynamic")).problem(422);
        assertThat(problem.get("errors").findValuesAsText("pointer")).contains("/condition");
    }

    @Test
    void replacing_needs_the_current_version_and_keeps_level_and_kind() {
        String id = s.segment("Editable", "partner", leaf("partner.tier", "in", List.of("gold")));
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Edited", "condition",
                leaf("partner.tier", "in", List.of("silver")), "version", 1));
        JsonNode replaced = s.admin.put("/api/admin/segments/" + id, body).expect(200).json();
        assertThat(replaced.get("version").asLong()).isEqualTo(2);
        assertThat(s.members(id)).containsExactly(silver);

        JsonNode stale = s.admin.put("/api/admin/segments/" + id, body).problem(412);
        assertThat(stale.get("currentVersion").asLong()).isEqualTo(2);

        Map<String, Object> unversioned = new LinkedHashMap<>(body);
        unversioned.remove("version");
        JsonNode missing = s.admin.put("/api/admin/segments/" + id, unversioned).problem(422);
        assertThat(missing.get("errors").findValuesAsText("pointer")).containsExactly("/version");
        assertThat(s.admin.get("/api/admin/segments/" + id).json().get("version").asLong()).isEqualTo(2);

        body.put("version", 2);
        body.put("level", "contact");
        body.put("kind", "static");
        JsonNode problem = s.admin.put("/api/admin/segments/" + id, body).problem(422);
        assertThat(problem.get("errors").findValuesAsText("pointer")).contains("/level", "/kind");
    }

    @Test
    void in_segment_cycles_are_refused_naming_the_cycle() {
        String a = s.segment("Cycle A", "partner", leaf("partner.tier", "is_set", null));
        String b = s.segment("Cycle B", "partner", inSegment(a));
        JsonNode problem = s.admin.put("/api/admin/segments/" + a, Map.of("name", "Cycle A", "condition",
                inSegment(b), "version", 1)).problem(422);
        assertThat(problem.at("/errors/0/code").asText()).isEqualTo("cycle");
        assertThat(problem.at("/errors/0/message").asText()).contains("Cycle B");
    }

    @Test
    void a_segment_used_by_another_cannot_be_deleted_until_it_is_no_longer_used() {
        String base = s.segment("Base", "partner", leaf("partner.tier", "in", List.of("gold")));
        String user = s.segment("User of base", "partner", inSegment(base));
        JsonNode problem = s.admin.delete("/api/admin/segments/" + base).problem(409);
        assertThat(problem.at("/usages/0/id").asText()).isEqualTo(user);
        assertThat(s.admin.get("/api/admin/segments/" + base + "/usages").expect(200).json().get(0).get("kind").asText())
                .isEqualTo("segment");

        s.admin.delete("/api/admin/segments/" + user).expect(204);
        s.admin.delete("/api/admin/segments/" + base).expect(204);
        s.admin.get("/api/admin/segments/" + base).problem(404);
    }

    @Test
    void unknown_ids_are_404() {
        s.admin.get("/api/admin/segments/4b0f5b5c-0000-4000-8000-000000000000").problem(404);
        s.admin.get("/api/admin/segments/not-a-uuid").problem(404);
        s.admin.delete("/api/admin/segments/4b0f5b5c-0000-4000-8000-000000000000").problem(404);
    }

    @Test
    void the_list_pages_filters_and_counts() {
        s.segment("Listed partner segment", "partner", leaf("partner.tier", "in", List.of("gold")));
        JsonNode page = s.admin.get("/api/admin/segments?q=listed&level=partner").expect(200).json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.at("/items/0/memberCount").asLong()).isEqualTo(1);
        assertThat(page.at("/items/0/contactCount").asLong()).isEqualTo(2);
        s.admin.get("/api/admin/segments?size=501").problem(422);
        s.admin.get("/api/admin/segments?level=team").problem(422);
    }

    @Test
    void members_export_as_csv() {
        String id = s.segment("Exported", "contact", leaf("contact.email", "ends_with", "@gold.example"));
        TestHttp.Response csv = s.admin.get("/api/admin/segments/" + id + "/members.csv").expect(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(3).first().isEqualTo("id,email,first_name,last_name,partner_id");
        assertThat(csv.body()).contains("ann@gold.example").contains("bob@gold.example");
    }

    @Test
    void a_large_export_streams_every_member_once_across_pages() {
        int partners = 2_100; // more than two export pages
        StringBuilder csv = new StringBuilder("name\n");
        for (int i = 0; i < partners; i++) {
            csv.append("Bulk export ").append(i).append('\n');
        }
        String job = s.admin.send("POST", "/api/admin/partners/imports", csv.toString(), "text/csv").expect(202)
                .text("/id");
        JsonNode done = Scenario.awaitJob(s.admin, "/api/admin/partners/imports/" + job);
        assertThat(done.at("/counts/created").asLong()).isEqualTo(partners);
        String id = s.segment("Bulk exported", "partner", leaf("partner.name", "starts_with", "Bulk export "));

        List<String> lines = s.admin.get("/api/admin/segments/" + id + "/members.csv").expect(200).body().lines()
                .toList();
        assertThat(lines.get(0)).isEqualTo("id,name,website");
        List<String> ids = lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(ids).hasSize(partners).doesNotHaveDuplicates();
    }

    @Test
    void admin_endpoints_refuse_contacts_and_anonymous_callers() {
        new TestHttp(server.getURL()).get("/api/admin/segments").problem(401);
        new TestHttp(server.getURL()).asContact("4b0f5b5c-0000-4000-8000-000000000001", gold)
                .get("/api/admin/segments").problem(403);
    }
}
