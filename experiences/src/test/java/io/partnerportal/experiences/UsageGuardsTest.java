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

import static io.partnerportal.experiences.Portal.everyone;
import static io.partnerportal.experiences.Portal.leaf;
import static io.partnerportal.experiences.Portal.segments;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What experiences tell other modules: a segment or role used by a tab is not deleted (409 listing the
 * tab), the contact's access page explains every tab and form, and tab changes are audited.
 */
@ScenarioTest
class UsageGuardsTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    Portal p;

    @BeforeEach
    void portal() {
        p = new Portal(new TestHttp(server.getURL()));
    }

    @Test
    void deleting_a_segment_used_by_a_tab_is_a_409_listing_the_tab() {
        String segment = p.partnerSegment("Used by a tab", leaf("partner.tier", "in", List.of("gold")));
        String experience = p.defaultExperience();
        String tab = p.tab(experience, "Guarded", segments(segment));
        JsonNode problem = p.admin.delete("/api/admin/segments/" + segment).problem(409);
        assertThat(problem.get("usages").findValuesAsText("kind")).contains("tab");
        assertThat(problem.get("usages").findValuesAsText("id")).contains(tab);
        JsonNode usages = p.admin.get("/api/admin/segments/" + segment + "/usages").expect(200).json();
        assertThat(usages.findValuesAsText("id")).contains(tab);

        // still used by the published version after the draft drops it
        p.publish(experience);
        p.admin.delete("/api/admin/experiences/" + experience + "/tabs/" + tab).expect(204);
        JsonNode published = p.admin.delete("/api/admin/segments/" + segment).problem(409);
        assertThat(published.get("usages").findValuesAsText("detail").get(0)).contains("published version");
        p.publish(experience);
        p.admin.delete("/api/admin/segments/" + segment).expect(204);
    }

    @Test
    void deleting_a_role_used_by_a_tab_role_list_is_a_409_listing_the_tab() {
        String key = "tabrole_" + p.tag.replaceAll("[^a-z0-9]", "");
        String roleId = p.admin.post("/api/admin/roles", Map.of("key", key, "name", "Tab role " + p.tag)).expect(201)
                .text("/id");
        String experience = p.defaultExperience();
        String tab = p.tab(experience, "Role guarded", everyone(), List.of(key), List.of(Portal.text("x")));
        JsonNode problem = p.admin.delete("/api/admin/roles/" + roleId).problem(409);
        assertThat(problem.get("usages").findValuesAsText("kind")).containsExactly("tab");
        assertThat(problem.get("usages").findValuesAsText("id")).containsExactly(tab);
        p.admin.delete("/api/admin/experiences/" + experience + "/tabs/" + tab).expect(204);
        p.admin.delete("/api/admin/roles/" + roleId).expect(204);
    }

    @Test
    void the_access_page_explains_every_tab_and_form_for_the_contact() {
        String acme = p.partner("Access", Map.of("tier", "silver"));
        String ann = p.contact(acme, "ann");
        String gold = p.partnerSegment("Access gold", leaf("partner.tier", "in", List.of("gold")));
        String experience = p.defaultExperience();
        String open = p.tab(experience, "Open door", everyone());
        String locked = p.tab(experience, "Gold door", segments(gold));
        String form = p.admin.post("/api/admin/forms", Map.of("name", "Gold form " + p.tag,
                "fields", List.of(Map.of("key", "x", "label", "X", "type", "text")),
                "submitAudience", segments(gold))).expect(201).text("/id");
        p.publish(experience);

        JsonNode items = p.admin.get("/api/admin/contacts/" + ann + "/access").expect(200).json().get("items");
        JsonNode openItem = item(items, open);
        JsonNode lockedItem = item(items, locked);
        JsonNode formItem = item(items, form);
        assertThat(openItem.get("allowed").asBoolean()).isTrue();
        assertThat(openItem.get("reason").asText()).isEqualTo("visible: everyone; all roles");
        assertThat(lockedItem.get("allowed").asBoolean()).isFalse();
        assertThat(lockedItem.get("reason").asText()).contains("not in any of: Access gold " + p.tag);
        assertThat(formItem.get("allowed").asBoolean()).isFalse();
        assertThat(item(items, experience).get("allowed").asBoolean()).isTrue();
    }

    @Test
    void tab_changes_are_audited_with_their_visibility_before_and_after() {
        String experience = p.defaultExperience();
        String tab = p.tab(experience, "Audited", everyone());
        p.admin.put("/api/admin/experiences/" + experience + "/tabs/" + tab, Map.of("title", "Audited",
                "slug", p.slug("Audited"), "visibility", Map.of("audience", everyone(), "roles", List.of("admin"))))
                .expect(200);
        JsonNode audit = p.admin.get("/api/admin/audit?entityType=tab&entityId=" + tab).expect(200).json();
        assertThat(audit.get("items").findValuesAsText("action")).containsExactly("updated", "created");
        assertThat(audit.at("/items/0/before/visibility/roles").size()).isZero();
        assertThat(audit.at("/items/0/after/visibility/roles/0").asText()).isEqualTo("admin");
        assertThat(audit.at("/items/0/actor/kind").asText()).isEqualTo("admin");
    }

    private static JsonNode item(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + items);
    }
}
