package io.partnerportal.partners;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.partners.api.PropertyCatalogue;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.PropertySource;
import io.partnerportal.partners.api.PropertyType;
import io.partnerportal.partners.api.event.PropertyDefinitionChanged;
import io.partnerportal.partners.spi.PropertyUsage;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ScenarioTest
class PropertyCatalogueTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    UsagesForTests usages;
    @Inject
    RecordedEvents events;
    @Inject
    PropertyCatalogue catalogue;

    TestHttp admin;

    @BeforeAll
    void setUp() {
        admin = new TestHttp(server.getURL()).asAdmin();
    }

    @Test
    void the_catalogue_starts_with_the_system_and_built_in_properties() {
        JsonNode partner = admin.get("/api/admin/properties?level=partner&size=500").expect(200).json();
        assertThat(keys(partner)).startsWith("name", "website", "created_at")
                .contains("tier", "logo", "partner_manager", "partner_champion", "onboarding_phase", "certified");
        JsonNode contact = admin.get("/api/admin/properties?level=contact&size=500").expect(200).json();
        assertThat(keys(contact)).startsWith("email", "first_name", "last_name",
                "portal_status", "last_login", "created_at", "role").contains("certified", "language");

        JsonNode role = admin.get("/api/admin/properties/contact/role").expect(200).json();
        assertThat(role.get("readOnly").asBoolean()).isTrue();
        assertThat(role.get("source").asText()).isEqualTo("system");
        assertThat(role.get("options").findValuesAsText("key")).containsExactly("admin", "sales_rep",
                "solutions_engineer", "marketing", "partner_manager");
        JsonNode tier = admin.get("/api/admin/properties/partner/tier").expect(200).json();
        assertThat(tier.get("qualifiedKey").asText()).isEqualTo("partner.tier");
        assertThat(tier.get("options").findValuesAsText("key")).containsExactly("platinum", "gold", "silver", "bronze",
                "registered");
        assertThat(catalogue.find(PropertyLevel.PARTNER, "onboarding_phase").orElseThrow().options())
                .extracting(o -> o.key()).containsExactly("prospecting", "signed_contract", "onboarding", "active");
        admin.get("/api/admin/properties/partner/nope").problem(404);
    }

    @Test
    void an_admin_adds_a_crm_property_and_edits_its_label_and_options() {
        JsonNode added = admin.post("/api/admin/properties", Map.of("level", "partner", "key", "industry_segment",
                "label", "Industry segment", "type", "enum", "source", "crm", "crmWritable", true,
                "options", List.of(Map.of("key", "smb", "label", "SMB"), Map.of("key", "ent", "label", "Enterprise"))))
                .expect(201).json();
        assertThat(added.get("source").asText()).isEqualTo("crm");
        assertThat(catalogue.find(PropertyLevel.PARTNER, "industry_segment").orElseThrow().source())
                .isEqualTo(PropertySource.CRM);

        JsonNode edited = admin.patch("/api/admin/properties/partner/industry_segment", Map.of("label", "Segment",
                "options", List.of(Map.of("key", "smb", "label", "Small business"), Map.of("key", "ent", "label",
                        "Enterprise"), Map.of("key", "mid", "label", "Mid-market")))).expect(200).json();
        assertThat(edited.get("label").asText()).isEqualTo("Segment");
        assertThat(edited.get("options").findValuesAsText("key")).containsExactly("smb", "ent", "mid");

        List<PropertyDefinitionChanged> changes = events.definitions().stream()
                .filter(e -> e.after().key().equals("industry_segment")).toList();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).before()).isNull();
        assertThat(changes.get(1).before().label()).isEqualTo("Industry segment");
        assertThat(changes.get(1).after().label()).isEqualTo("Segment");

        admin.post("/api/admin/properties", Map.of("level", "partner", "key", "industry_segment", "label", "Again",
                "type", "string")).problem(409);
    }

    @Test
    void bad_definitions_are_422_with_pointers() {
        JsonNode problem = admin.post("/api/admin/properties", Map.of("level", "company", "key", "Bad Key",
                "type", "colour", "source", "system", "options", List.of(Map.of("key", "a"))))
                .problem(422);
        assertThat(problem.get("errors").findValuesAsText("pointer")).contains("/level", "/key", "/label", "/type",
                "/source", "/options/0/label");
        JsonNode noOptions = admin.post("/api/admin/properties", Map.of("level", "partner", "key", "colour",
                "label", "Colour", "type", "enum")).problem(422);
        assertThat(noOptions.at("/errors/0/pointer").asText()).isEqualTo("/options");
        JsonNode duplicate = admin.post("/api/admin/properties", Map.of("level", "partner", "key", "colour",
                "label", "Colour", "type", "enum", "options", List.of(Map.of("key", "red", "label", "Red"),
                        Map.of("key", "red", "label", "Rouge")))).problem(422);
        assertThat(duplicate.at("/errors/0/pointer").asText()).isEqualTo("/options/1/key");
    }

    @Test
    void a_property_never_changes_its_key_or_type_and_system_properties_are_read_only() {
        admin.post("/api/admin/properties", Map.of("level", "contact", "key", "nickname", "label", "Nickname",
                "type", "string")).expect(201);
        JsonNode problem = admin.patch("/api/admin/properties/contact/nickname", Map.of("type", "number",
                "key", "nick")).problem(422);
        assertThat(problem.get("errors").findValuesAsText("code")).containsOnly("immutable");
        admin.patch("/api/admin/properties/contact/nickname", Map.of("type", "string", "label", "Nick")).expect(200);
        admin.patch("/api/admin/properties/contact/email", Map.of("label", "Mail")).problem(409);
        admin.patch("/api/admin/properties/contact/role", Map.of("options", List.of())).problem(409);
    }

    @Test
    void archiving_or_removing_an_option_in_use_is_refused_with_every_usage() {
        admin.post("/api/admin/properties", Map.of("level", "partner", "key", "programme", "label", "Programme",
                "type", "enum", "options", List.of(Map.of("key", "a", "label", "A"), Map.of("key", "b", "label", "B"))))
                .expect(201);
        usages.declare(PropertyLevel.PARTNER, "programme", "b", new PropertyUsage.Usage("segment", "seg-1",
                "B partners", "condition /all/0"));
        usages.declare(PropertyLevel.PARTNER, "programme", null, new PropertyUsage.Usage("form", "form-9",
                "Sign-up form", "field 2"));

        JsonNode optionInUse = admin.patch("/api/admin/properties/partner/programme", Map.of("options",
                List.of(Map.of("key", "a", "label", "A")))).problem(409);
        assertThat(optionInUse.get("usages").findValuesAsText("id")).containsExactly("seg-1");
        assertThat(optionInUse.at("/usages/0/option").asText()).isEqualTo("b");

        JsonNode archivedInUse = admin.patch("/api/admin/properties/partner/programme", Map.of("archived", true))
                .problem(409);
        assertThat(archivedInUse.get("usages").findValuesAsText("kind")).containsExactly("form");
        assertThat(catalogue.find(PropertyLevel.PARTNER, "programme").orElseThrow().archived()).isFalse();

        admin.patch("/api/admin/properties/partner/programme", Map.of("options", List.of(Map.of("key", "a",
                "label", "A"), Map.of("key", "b", "label", "B"), Map.of("key", "c", "label", "C")))).expect(200);
    }

    @Test
    void an_archived_property_keeps_its_values_but_takes_no_new_ones() {
        admin.post("/api/admin/properties", Map.of("level", "partner", "key", "legacy_code", "label", "Legacy code",
                "type", "string")).expect(201);
        String id = admin.post("/api/admin/partners", Map.of("name", "Legacy", "properties",
                Map.of("legacy_code", "L-1"))).expect(201).text("/id");
        admin.patch("/api/admin/properties/partner/legacy_code", Map.of("archived", true)).expect(200);
        assertThat(keys(admin.get("/api/admin/properties?level=partner&size=500").json()))
                .doesNotContain("legacy_code");
        assertThat(keys(admin.get("/api/admin/properties?level=partner&size=500&includeArchived=true").json()))
                .contains("legacy_code");
        assertThat(admin.get("/api/admin/partners/" + id).json().at("/properties/legacy_code").asText())
                .isEqualTo("L-1");
        JsonNode problem = admin.patch("/api/admin/partners/" + id, Map.of("properties", Map.of("legacy_code", "L-2")))
                .problem(422);
        assertThat(problem.at("/errors/0/code").asText()).isEqualTo("archived_property");
        assertThat(catalogue.find(PropertyLevel.PARTNER, "legacy_code").orElseThrow().type())
                .isEqualTo(PropertyType.STRING);
    }

    private static List<String> keys(JsonNode page) {
        List<String> keys = new java.util.ArrayList<>();
        page.get("items").forEach(item -> keys.add(item.get("key").asText()));
        return keys;
    }
}
