package io.partnerportal.experiences;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.partnerportal.experiences.Portal.leaf;
import static io.partnerportal.experiences.Portal.segments;
import static org.assertj.core.api.Assertions.assertThat;

/** Forms: mappings checked against the catalogue when saved, answers checked when submitted, audiences. */
@ScenarioTest
class FormsTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    Portal p;

    @BeforeEach
    void portal() {
        p = new Portal(new TestHttp(server.getURL()));
    }

    @Test
    void mappings_that_do_not_fit_the_catalogue_are_a_422_pointing_at_each_mapping() {
        JsonNode problem = p.admin.post("/api/admin/forms", Map.of("name", "Bad " + p.tag,
                "fields", List.of(
                        Map.of("key", "language", "label", "Language", "type", "select", "options",
                                List.of(Map.of("key", "en", "label", "English"), Map.of("key", "tlh", "label", "Klingon"))),
                        Map.of("key", "age", "label", "Age", "type", "number"),
                        Map.of("key", "age", "label", "Again", "type", "hologram")),
                "mappings", List.of(
                        Map.of("property", "partner.no_such_thing", "value", "x"),
                        Map.of("property", "contact.email", "value", "a@b.example"),
                        Map.of("property", "partner.onboarding_phase", "value", "party"),
                        Map.of("property", "partner.certified", "field", "age"),
                        Map.of("property", "contact.language", "field", "language"),
                        Map.of("property", "partner.tier", "value", "gold", "field", "age"),
                        Map.of("property", "partner.tier", "field", "nope"))))
                .problem(422);
        assertThat(problem.get("errors").findValuesAsText("pointer")).contains("/fields/2/key", "/fields/2/type",
                "/mappings/0/property", "/mappings/1/property", "/mappings/2/value", "/mappings/3/field",
                "/mappings/4/field", "/mappings/5/field", "/mappings/6/field");
        assertThat(p.admin.get("/api/admin/forms").json().get("items").findValuesAsText("name"))
                .doesNotContain("Bad " + p.tag);
    }

    @Test
    void a_submitted_field_is_written_to_the_mapped_contact_property_with_cause_form_submission() {
        String acme = p.partner("Languages", Map.of());
        String ann = p.contact(acme, "ann");
        String form = p.admin.post("/api/admin/forms", Map.of("name", "Profile " + p.tag,
                "fields", List.of(Map.of("key", "language", "label", "Language", "type", "select", "required", true,
                        "options", List.of(Map.of("key", "en", "label", "English"), Map.of("key", "de",
                                "label", "German"))), Map.of("key", "started", "label", "Start", "type", "date")),
                "mappings", List.of(Map.of("property", "contact.language", "field", "language"),
                        Map.of("property", "contact.certified", "value", true)))).expect(201).json().get("id").asText();
        JsonNode bad = p.as(ann, acme).post("/api/portal/forms/" + form + "/submissions", Map.of("values",
                Map.of("language", "fr", "started", "yesterday"))).problem(422);
        assertThat(bad.get("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/values/language",
                "/values/started");
        p.as(ann, acme).post("/api/portal/forms/" + form + "/submissions", Map.of("values",
                Map.of("language", "de", "started", "2024-05-31"))).expect(201);
        JsonNode contact = p.admin.get("/api/admin/contacts/" + ann).json();
        assertThat(contact.at("/properties/language").asText()).isEqualTo("de");
        assertThat(contact.at("/properties/certified").asBoolean()).isTrue();
        JsonNode submissions = p.admin.get("/api/admin/forms/" + form + "/submissions").json();
        assertThat(submissions.at("/items/0/values/started").asText()).isEqualTo("2024-05-31");
    }

    @Test
    void only_contacts_the_submit_audience_admits_see_and_submit_the_form() {
        String gold = p.partner("Form gold", Map.of("tier", "gold"));
        String silver = p.partner("Form silver", Map.of("tier", "silver"));
        String g = p.contact(gold, "g");
        String s = p.contact(silver, "s");
        String goldSegment = p.partnerSegment("Form gold", leaf("partner.tier", "in", List.of("gold")));
        String form = p.admin.post("/api/admin/forms", Map.of("name", "Gold only " + p.tag,
                "fields", List.of(Map.of("key", "note", "label", "Note", "type", "text")),
                "submitAudience", segments(goldSegment))).expect(201).text("/id");
        p.as(g, gold).get("/api/portal/forms/" + form).expect(200);
        p.as(s, silver).get("/api/portal/forms/" + form).problem(404);
        p.as(s, silver).post("/api/portal/forms/" + form + "/submissions", Map.of("values", Map.of("note", "hi")))
                .problem(404);
        p.as(g, gold).post("/api/portal/forms/" + form + "/submissions", Map.of("values", Map.of("note", "hi")))
                .expect(201);
        p.as(g, gold).post("/api/portal/forms/00000000-0000-4000-8000-000000000000/submissions",
                Map.of("values", Map.of())).problem(404);
    }

    @Test
    void forms_are_replaced_with_versions_and_audited_and_a_form_shown_by_a_tab_is_not_deleted() {
        String form = p.admin.post("/api/admin/forms", Map.of("name", "Versioned " + p.tag,
                "fields", List.of(Map.of("key", "a", "label", "A", "type", "text")))).expect(201).text("/id");
        JsonNode replaced = p.admin.put("/api/admin/forms/" + form, Map.of("name", "Versioned " + p.tag,
                "fields", List.of(Map.of("key", "b", "label", "B", "type", "email")), "version", 1)).expect(200).json();
        assertThat(replaced.get("version").asLong()).isEqualTo(2);
        p.admin.put("/api/admin/forms/" + form, Map.of("name", "Late", "fields", List.of(Map.of("key", "c",
                "label", "C", "type", "text")), "version", 1)).problem(412);
        JsonNode audit = p.admin.get("/api/admin/audit?entityType=form&entityId=" + form).json();
        assertThat(audit.get("items").findValuesAsText("action")).containsExactly("updated", "created");
        assertThat(audit.at("/items/0/before/fields/0/key").asText()).isEqualTo("a");

        String experience = p.defaultExperience();
        String tab = p.tab(experience, "With form", Portal.everyone(), List.of(),
                List.of(Map.of("type", "form", "formId", form)));
        JsonNode inUse = p.admin.delete("/api/admin/forms/" + form).problem(409);
        assertThat(inUse.get("usages").findValuesAsText("id")).containsExactly(tab);
        p.admin.delete("/api/admin/experiences/" + experience + "/tabs/" + tab).expect(204);
        p.admin.delete("/api/admin/forms/" + form).expect(204);
        p.admin.get("/api/admin/forms/" + form).problem(404);
    }

    @Test
    void a_property_written_by_a_form_cannot_be_archived_nor_the_option_removed() {
        p.admin.post("/api/admin/properties", Map.of("level", "partner", "key", "stage_" + p.tag.replaceAll("[^a-z0-9]",
                ""), "label", "Stage", "type", "enum", "options", List.of(Map.of("key", "new", "label", "New"),
                Map.of("key", "won", "label", "Won")))).expect(201);
        String key = "stage_" + p.tag.replaceAll("[^a-z0-9]", "");
        String form = p.admin.post("/api/admin/forms", Map.of("name", "Stage " + p.tag,
                "fields", List.of(Map.of("key", "ok", "label", "OK", "type", "checkbox")),
                "mappings", List.of(Map.of("property", "partner." + key, "value", "won")))).expect(201).text("/id");
        JsonNode archive = p.admin.patch("/api/admin/properties/partner/" + key, Map.of("archived", true)).problem(409);
        assertThat(archive.get("usages").findValuesAsText("id")).contains(form);
        p.admin.patch("/api/admin/properties/partner/" + key, Map.of("options", List.of(Map.of("key", "new",
                "label", "New")))).problem(409);
        p.admin.patch("/api/admin/properties/partner/" + key, Map.of("options", List.of(Map.of("key", "won",
                "label", "Won")))).expect(200);
    }
}
