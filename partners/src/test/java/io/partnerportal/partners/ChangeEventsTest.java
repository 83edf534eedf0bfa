package io.partnerportal.partners;

import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.common.Actor;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.event.ChangeKind;
import io.partnerportal.partners.api.event.ContactChanged;
import io.partnerportal.partners.api.event.PartnerChanged;
import io.partnerportal.partners.api.event.ValueChange;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import io.partnerportal.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every committed change publishes an event with the changed keys, old and new values, cause and actor. */
@ScenarioTest
class ChangeEventsTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    RecordedEvents events;

    TestHttp admin;
    Directory directory;

    @BeforeAll
    void setUp() {
        admin = new TestHttp(server.getURL()).as(TestTokens.admin("channel-lead"));
        directory = new Directory(new TestHttp(server.getURL()));
    }

    @Test
    void creating_and_editing_a_partner_publishes_the_diffs_with_cause_and_actor() {
        String id = admin.post("/api/admin/partners", Map.of("name", "Evented", "properties", Map.of("tier", "gold",
                "certified", false))).expect(201).text("/id");
        admin.patch("/api/admin/partners/" + id, Map.of("website", "https://evented.example", "properties",
                Map.of("tier", "platinum", "certified", false))).expect(200);
        admin.patch("/api/admin/partners/" + id, Map.of("properties", Map.of("certified", false))).expect(200);

        List<PartnerChanged> published = events.partners(id);
        assertThat(published).hasSize(2);
        PartnerChanged created = published.get(0);
        assertThat(created.kind()).isEqualTo(ChangeKind.CREATED);
        assertThat(created.changes()).containsKeys("name", "created_at", "tier", "certified")
                .doesNotContainKey("website");
        assertThat(created.changes().get("tier")).isEqualTo(new ValueChange(null, "gold"));
        assertThat(created.cause()).isEqualTo(ChangeCause.ADMIN_EDIT);
        assertThat(created.actor()).isEqualTo(Actor.admin("channel-lead", "channel-lead"));

        PartnerChanged updated = published.get(1);
        assertThat(updated.kind()).isEqualTo(ChangeKind.UPDATED);
        assertThat(updated.changes()).containsOnlyKeys("website", "tier");
        assertThat(updated.changes().get("tier")).isEqualTo(new ValueChange("gold", "platinum"));
        assertThat(updated.changes().get("website")).isEqualTo(new ValueChange(null, "https://evented.example"));
    }

    @Test
    void numbers_that_compare_equal_are_no_change() {
        admin.post("/api/admin/properties", Map.of("level", "partner", "key", "seats", "label", "Seats",
                "type", "number")).expect(201);
        String id = admin.send("POST", "/api/admin/partners", "{\"name\": \"Seats\", \"properties\": {\"seats\": 12}}",
                "application/json").expect(201).text("/id");
        admin.send("PATCH", "/api/admin/partners/" + id, "{\"properties\": {\"seats\": 12.0}}",
                "application/merge-patch+json").expect(200);
        assertThat(events.partners(id)).hasSize(1);
        assertThat(events.partners(id).get(0).changes().get("seats").after()).isEqualTo(new BigDecimal("12"));
    }

    @Test
    void moving_a_contact_names_the_previous_partner() {
        String from = directory.partnerId("Old home");
        String to = directory.partnerId("New home");
        String id = directory.contactId(from, Directory.email("traveller"));
        admin.patch("/api/admin/contacts/" + id, Map.of("partnerId", to, "properties", Map.of("certified", true)))
                .expect(200);

        ContactChanged moved = events.contacts(id).get(1);
        assertThat(moved.moved()).isTrue();
        assertThat(moved.partnerId()).isEqualTo(to);
        assertThat(moved.previousPartnerId()).isEqualTo(from);
        assertThat(moved.changes()).containsOnlyKeys("certified");
    }

    @Test
    void deleting_a_contact_publishes_its_values_as_they_were() {
        String partnerId = directory.partnerId("Deletes");
        String email = Directory.email("leaver");
        String id = directory.contact(partnerId, email, Map.of("role", "admin", "properties",
                Map.of("language", "fr"))).get("id").asText();
        admin.delete("/api/admin/contacts/" + id).expect(204);

        ContactChanged deleted = events.contacts(id).get(1);
        assertThat(deleted.kind()).isEqualTo(ChangeKind.DELETED);
        assertThat(deleted.partnerId()).isEqualTo(partnerId);
        assertThat(deleted.changes().get("email")).isEqualTo(new ValueChange(email, null));
        assertThat(deleted.changes().get("role")).isEqualTo(new ValueChange("admin", null));
        assertThat(deleted.changes().get("language")).isEqualTo(new ValueChange("fr", null));
        assertThat(deleted.changes().get("portal_status")).isEqualTo(new ValueChange("invited", null));

        admin.delete("/api/admin/partners/" + partnerId).expect(204);
        PartnerChanged partnerDeleted = events.partners(partnerId).get(1);
        assertThat(partnerDeleted.kind()).isEqualTo(ChangeKind.DELETED);
        assertThat(partnerDeleted.changes().get("name")).isEqualTo(new ValueChange("Deletes", null));
    }

    @Test
    void a_request_that_changes_nothing_publishes_nothing() {
        String id = directory.partnerId("Quiet", Map.of("tier", "gold"));
        admin.patch("/api/admin/partners/" + id, Map.of("name", "Quiet", "properties", Map.of("tier", "gold")))
                .expect(200);
        assertThat(events.partners(id)).hasSize(1);
    }
}
