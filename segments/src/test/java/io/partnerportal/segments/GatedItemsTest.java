package io.partnerportal.segments;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.segments.api.Audience;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.partnerportal.segments.Scenario.leaf;
import static org.assertj.core.api.Assertions.assertThat;

/** What consumers report through GatedItems: the delete guard, the usages list, a contact's access. */
@ScenarioTest
class GatedItemsTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    GatedTab dealsTab;

    Scenario s;
    String goldSegment;
    String ann;
    String bob;

    @BeforeAll
    void data() {
        s = new Scenario(new TestHttp(server.getURL()));
        String gold = s.partner("Gated Gold", Map.of("tier", "gold"));
        String silver = s.partner("Gated Silver", Map.of("tier", "silver"));
        ann = s.contact(gold, "ann@gatedgold.example", Map.of());
        bob = s.contact(silver, "bob@gatedsilver.example", Map.of());
        goldSegment = s.segment("Gated gold partners", "partner", leaf("partner.tier", "in", List.of("gold")));
    }

    @AfterEach
    void ungate() {
        dealsTab.clear();
    }

    @Test
    void a_segment_gating_a_tab_cannot_be_deleted_and_its_usages_name_the_tab() {
        dealsTab.gate("Deals", Audience.segments(goldSegment));

        JsonNode problem = s.admin.delete("/api/admin/segments/" + goldSegment).problem(409);
        assertThat(problem.at("/usages/0/kind").asText()).isEqualTo("tab");
        assertThat(problem.at("/usages/0/name").asText()).isEqualTo("Deals");
        assertThat(problem.get("detail").asText()).contains("Gated gold partners");
        JsonNode usages = s.admin.get("/api/admin/segments/" + goldSegment + "/usages").expect(200).json();
        assertThat(usages).hasSize(1);
        assertThat(usages.at("/0/detail").asText()).isEqualTo("visibility of tab Deals");
        s.admin.get("/api/admin/segments/" + goldSegment).expect(200);

        dealsTab.clear();
        assertThat(s.admin.get("/api/admin/segments/" + goldSegment + "/usages").expect(200).json()).isEmpty();
    }

    @Test
    void a_contacts_access_lists_each_gated_item_allowed_or_denied_with_the_reason() {
        dealsTab.gate("Deals", Audience.segments(goldSegment));

        JsonNode annAccess = s.admin.get("/api/admin/contacts/" + ann + "/access").expect(200).json();
        assertThat(annAccess.at("/items/0/kind").asText()).isEqualTo("tab");
        assertThat(annAccess.at("/items/0/name").asText()).isEqualTo("Deals");
        assertThat(annAccess.at("/items/0/allowed").asBoolean()).isTrue();
        assertThat(annAccess.at("/items/0/reason").asText()).contains(goldSegment);

        JsonNode bobAccess = s.admin.get("/api/admin/contacts/" + bob + "/access").expect(200).json();
        assertThat(bobAccess.at("/items/0/allowed").asBoolean()).isFalse();
        assertThat(bobAccess.at("/items/0/reason").asText()).startsWith("in none of");
    }
}
