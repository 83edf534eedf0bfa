package io.partnerportal.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.partnerportal.profile.ProfileFixture.everyone;
import static io.partnerportal.profile.ProfileFixture.leaf;
import static io.partnerportal.profile.ProfileFixture.segments;
import static io.partnerportal.profile.ProfileFixture.shown;
import static org.assertj.core.api.Assertions.assertThat;

/** Settings → Partner profile: the properties shown, which are editable, and who may edit. */
@ScenarioTest
class ProfileSettingsTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    ProfileFixture f;

    @BeforeAll
    void setUp() {
        f = new ProfileFixture(new TestHttp(server.getURL()));
        f.property("industry", "string", "crm", true);
        f.property("type", "string", "crm", false);
    }

    @Test
    void a_property_the_crm_does_not_let_the_portal_write_or_a_system_property_cannot_be_editable() {
        long version = f.settings().get("version").asLong();
        JsonNode problem = f.putSettings(List.of(shown("logo", "editable"), shown("type", "editable"),
                shown("name", "editable"), shown("industry", "editable")), everyone()).problem(422);
        List<String> errors = new ArrayList<>();
        problem.get("errors").forEach(e -> errors.add(e.get("pointer").asText() + " " + e.get("code").asText()));
        assertThat(errors).containsExactlyInAnyOrder("/properties/1/mode not_editable", "/properties/2/mode not_editable");
        assertThat(problem.at("/errors/0/message").asText() + problem.at("/errors/1/message").asText())
                .contains("'type'", "'name'");
        assertThat(f.settings().get("version").asLong()).as("nothing saved").isEqualTo(version);

        JsonNode saved = f.putSettings(List.of(shown("name", "read_only"), shown("logo", "editable"),
                shown("type", "read_only"), shown("industry", "editable")), everyone()).expect(200).json();
        assertThat(saved.at("/properties/3/key").asText()).isEqualTo("industry");
        assertThat(saved.at("/properties/3/mode").asText()).isEqualTo("editable");
        assertThat(saved.get("version").asLong()).isEqualTo(version + 1);
    }

    @Test
    void bad_settings_list_every_error_and_a_stale_version_is_412() {
        long version = f.settings().get("version").asLong();
        JsonNode problem = f.admin.put("/api/admin/profile/settings", Map.of("properties", List.of(
                shown("nope", "editable"), shown("logo", "writable"), shown("tier", "read_only"),
                shown("tier", "read_only")), "editAudience", segments("6f1b2a3c-0000-4000-8000-000000000000"),
                "version", version)).problem(422);
        List<String> pointers = new ArrayList<>();
        problem.get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
        assertThat(pointers).containsExactlyInAnyOrder("/properties/0/key", "/properties/1/mode", "/properties/3/key",
                "/editAudience/segmentIds/0");
        f.admin.put("/api/admin/profile/settings", Map.of("properties", List.of(), "editAudience", everyone()))
                .problem(422);
        f.admin.put("/api/admin/profile/settings", Map.of("properties", List.of(), "editAudience", everyone(),
                "version", version + 5)).problem(412);
    }

    @Test
    void a_change_is_audited_guards_its_segment_and_its_properties() {
        f.property("region", "string", "portal", false);
        String admins = f.segment("Profile admins", "contact", leaf("contact.role", "in", List.of("admin")));
        f.putSettings(List.of(shown("tier", "read_only"), shown("region", "editable")), segments(admins)).expect(200);

        JsonNode audit = f.admin.get("/api/admin/audit?entityType=profile_settings").expect(200).json();
        assertThat(audit.at("/items/0/after/editAudience/segmentIds/0").asText()).isEqualTo(admins);
        assertThat(audit.at("/items/0/after/properties/1/key").asText()).isEqualTo("region");

        JsonNode usages = f.admin.get("/api/admin/segments/" + admins + "/usages").expect(200).json();
        assertThat(usages.at("/0/kind").asText()).isEqualTo("profile_settings");
        f.admin.delete("/api/admin/segments/" + admins).problem(409);
        JsonNode inUse = f.admin.patch("/api/admin/properties/partner/region", Map.of("archived", true)).problem(409);
        assertThat(inUse.toString()).contains("profile_settings");

        String partner = f.partner("Explained", Map.of());
        String admin = f.contact(partner, "admin@explained.example", "admin");
        String rep = f.contact(partner, "rep@explained.example", "sales_rep");
        assertThat(decision(admin).get("allowed").asBoolean()).isTrue();
        assertThat(decision(admin).get("reason").asText()).isEqualTo("segment Profile admins");
        assertThat(decision(rep).get("allowed").asBoolean()).isFalse();

        f.putSettings(List.of(), everyone()).expect(200);
        f.admin.delete("/api/admin/segments/" + admins).expect(204);
        f.admin.patch("/api/admin/properties/partner/region", Map.of("archived", true)).expect(200);
    }

    private JsonNode decision(String contactId) {
        JsonNode access = f.admin.get("/api/admin/contacts/" + contactId + "/access").expect(200).json();
        for (JsonNode item : access.get("items")) {
            if (item.get("kind").asText().equals("profile_edit")) {
                return item;
            }
        }
        throw new AssertionError("no profile_edit in " + access);
    }
}
