package io.partnerportal.segments;

import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.segments.api.SegmentDirectory;
import io.partnerportal.segments.api.SegmentSummary;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.partnerportal.segments.Scenario.leaf;
import static org.assertj.core.api.Assertions.assertThat;

/** Another module finds a well-known segment by its name (as the demo configuration does). */
@ScenarioTest
class SegmentDirectoryTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    SegmentDirectory directory;

    Scenario s;
    String gold;
    String admins;

    @BeforeAll
    void data() {
        s = new Scenario(new TestHttp(server.getURL()));
        String acme = s.partner("Named Acme", Map.of("tier", "gold"));
        s.contact(acme, "ann@namedacme.example", Map.of());
        s.partner("Named Initech", Map.of("tier", "silver"));
        gold = s.segment("Named gold partners", "partner", leaf("partner.tier", "in", List.of("gold")));
        admins = s.segment("Named partner admins", "contact", leaf("contact.role", "in", List.of("admin")));
        // a name that contains the other one, so only an exact match will do
        s.segment("Named gold partners in Europe", "partner", leaf("partner.name", "contains", "Europe"));
    }

    @Test
    void a_segment_is_found_by_its_name_ignoring_case_and_surrounding_blanks() {
        SegmentSummary found = directory.findByName("  named GOLD Partners ").orElseThrow();
        assertThat(found.id()).isEqualTo(gold);
        assertThat(found.name()).isEqualTo("Named gold partners");
        assertThat(found.level()).isEqualTo("partner");
        assertThat(found.memberCount()).isEqualTo(1);
        assertThat(found.contactCount()).isEqualTo(1);
        assertThat(directory.findByName("Named partner admins").map(SegmentSummary::level)).contains("contact");
    }

    @Test
    void an_unknown_blank_or_partial_name_finds_nothing() {
        assertThat(directory.findByName("Named platinum partners")).isEmpty();
        assertThat(directory.findByName("Named gold")).isEmpty();
        assertThat(directory.findByName("   ")).isEmpty();
        assertThat(directory.findByName(null)).isEmpty();
    }

    @Test
    void a_renamed_segment_is_found_by_its_new_name_only() {
        String renamed = s.segment("Named certified", "partner", leaf("partner.certified", "is_true", null));
        long version = s.admin.get("/api/admin/segments/" + renamed).json().get("version").asLong();
        s.admin.put("/api/admin/segments/" + renamed, Map.of("name", "Named certified partners", "condition",
                leaf("partner.certified", "is_true", null), "version", version)).expect(200);
        assertThat(directory.findByName("Named certified")).isEmpty();
        assertThat(directory.findByName("named certified partners").map(SegmentSummary::id)).contains(renamed);
    }
}
