package io.partnerportal.segments;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.segments.api.SegmentAccess;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.partnerportal.segments.Scenario.leaf;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-picked members: idempotent edits, validation, and the refusal on dynamic segments. */
@ScenarioTest
class StaticSegmentTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    @Inject
    SegmentAccess access;

    Scenario s;
    String p1;
    String p2;
    String c1;

    @BeforeAll
    void data() {
        s = new Scenario(new TestHttp(server.getURL()));
        p1 = s.partner("Static One", Map.of());
        p2 = s.partner("Static Two", Map.of());
        c1 = s.contact(p1, "static@one.example", Map.of());
    }

    @Test
    void members_are_added_idempotently_and_removed() {
        String seg = s.staticSegment("Picked partners", "partner");
        JsonNode added = s.admin.post("/api/admin/segments/" + seg + "/members", Map.of("ids", List.of(p1, p2)))
                .expect(200).json();
        assertThat(added.get("joined").asInt()).isEqualTo(2);
        assertThat(s.admin.post("/api/admin/segments/" + seg + "/members", Map.of("ids", List.of(p1))).expect(200)
                .json().get("joined").asInt()).isZero();
        assertThat(s.get(seg).get("memberCount").asLong()).isEqualTo(2);
        assertThat(s.get(seg).get("contactCount").asLong()).isEqualTo(1);

        s.admin.delete("/api/admin/segments/" + seg + "/members/" + p2).expect(204);
        assertThat(s.members(seg)).containsExactly(p1);
        s.assertConsistent();
    }

    @Test
    void an_unknown_id_is_a_422_pointing_at_it_and_nothing_is_added() {
        String seg = s.staticSegment("Picked contacts", "contact");
        JsonNode problem = s.admin.post("/api/admin/segments/" + seg + "/members",
                Map.of("ids", List.of(c1, "a1b2c3d4-0000-4000-8000-000000000000", p1, "nonsense"))).problem(422);
        assertThat(problem.get("errors").findValuesAsText("pointer")).containsExactly("/ids/1", "/ids/2", "/ids/3");
        assertThat(s.members(seg)).isEmpty();
    }

    @Test
    void a_deleted_segments_id_answers_nothing_once_its_place_in_the_index_goes_to_a_new_segment() {
        String gone = s.staticSegment("Short-lived", "contact");
        s.admin.post("/api/admin/segments/" + gone + "/members", Map.of("ids", List.of(c1))).expect(200);
        assertThat(access.isMember(gone, c1)).isTrue(); // the index now remembers where this id's column is

        s.admin.delete("/api/admin/segments/" + gone).expect(204);
        String successor = s.staticSegment("Successor", "contact"); // takes the freed column
        s.admin.post("/api/admin/segments/" + successor + "/members", Map.of("ids", List.of(c1))).expect(200);

        assertThat(access.isMember(successor, c1)).isTrue();
        assertThat(access.isMember(gone, c1)).as("the deleted segment's id must not read its successor's column")
                .isFalse();
        assertThat(access.segmentsOfContact(c1)).contains(successor).doesNotContain(gone);
    }

    @Test
    void dynamic_segments_refuse_hand_edits() {
        String seg = s.segment("Not static", "partner", leaf("partner.name", "is_set", null));
        s.admin.post("/api/admin/segments/" + seg + "/members", Map.of("ids", List.of(p1))).problem(409);
    }

    @Test
    void more_than_ten_thousand_ids_are_refused() {
        String seg = s.staticSegment("Too many", "partner");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            ids.add(p1);
        }
        s.admin.post("/api/admin/segments/" + seg + "/members", Map.of("ids", ids)).problem(422);
        s.admin.post("/api/admin/segments/" + seg + "/members", Map.of("members", List.of(p1))).problem(422);
    }
}
