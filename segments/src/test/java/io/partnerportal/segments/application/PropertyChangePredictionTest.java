package io.partnerportal.segments.application;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.common.Actor;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.PropertyCommands;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.condition.PropertyRef;
import io.partnerportal.segments.domain.condition.Scope;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import io.partnerportal.testsupport.dataset.DatasetLoader;
import io.partnerportal.testsupport.dataset.DatasetSpec;
import io.partnerportal.testsupport.dataset.ReferenceDataset;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static io.partnerportal.testsupport.SegmentRequests.createDynamic;
import static io.partnerportal.testsupport.SegmentRequests.leaf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * P3 in process: the memberships {@link RecordEvaluation#changedMembershipsIf} predicts for one
 * contact property change, from memory, are exactly those that move when the change is made
 * through the partners' command port (the whole index compared before and after), on a generated
 * dataset (100 partners, 1,000 contacts, 150 segments, in_segment references among them).
 */
@ScenarioTest
class PropertyChangePredictionTest implements PortalTest {

    /** A note no generated contact has. */
    private static final String CHAIN_NOTE = "p3 chain pilot";
    private static final ChangeContext CHANGE = new ChangeContext(ChangeCause.ADMIN_EDIT, Actor.system("test"));

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    RecordEvaluation evaluation;
    @Inject
    AccessIndex index;
    @Inject
    ValueStore values;
    @Inject
    SegmentRegistry registry;
    @Inject
    PropertyCommands commands;

    @Test
    void predicted_membership_changes_are_those_a_real_change_makes() {
        TestHttp admin = new TestHttp(server.getURL()).asAdmin();
        ReferenceDataset data = new ReferenceDataset(DatasetSpec.of(100).withSegments(150));
        DatasetLoader loader = new DatasetLoader(data);
        loader.addCatalogue(admin);
        loader.createSegments(admin);
        String url = context.getRequiredProperty("datasources.default.url", String.class);
        String user = context.getRequiredProperty("datasources.default.username", String.class);
        String password = context.getProperty("datasources.default.password", String.class).orElse("");
        loader.loadRecords(() -> DriverManager.getConnection(url, user, password), 2);
        // a chain of in_segment references over the properties changed below: contact -> contact,
        // contact -> partner (any_contact), partner -> contact, partner -> partner
        String piloted = createDynamic(admin, "P3 piloted", "contact", all(leaf("contact.mfa_enabled", "is_true", null),
                leaf("contact.notes", "eq", CHAIN_NOTE)));
        String notPiloted = createDynamic(admin, "P3 certified, not piloted", "contact",
                all(leaf("contact.certified", "is_true", null), Map.of("op", "not_in_segment", "segment", piloted)));
        String pilotPartner = createDynamic(admin, "P3 pilot partner", "partner",
                Map.of("op", "any_contact", "where", Map.of("op", "in_segment", "segment", piloted)));
        String atPilotPartner = createDynamic(admin, "P3 at a pilot partner", "contact",
                Map.of("op", "in_segment", "segment", pilotPartner));
        String notPilotPartner = createDynamic(admin, "P3 not a pilot partner", "partner",
                Map.of("op", "not_in_segment", "segment", pilotPartner));
        // a partner-level segment reading the property through any_contact
        String noted = createDynamic(admin, "P3 partner with a pilot note", "partner",
                Map.of("op", "any_contact", "where", leaf("contact.notes", "eq", CHAIN_NOTE)));
        admin.post("/api/admin/segments/recompute", Map.of()).expect(200);
        assertThat(index.ready()).isTrue();
        assertThat(registry.cached().readersOf(new PropertyRef(Scope.CONTACT, "certified"))).isNotEmpty();

        SplittableRandom random = new SplittableRandom(11);
        int changesWithMoves = 0;
        for (int i = 0; i < 24; i++) {
            String property = List.of("certified", "mfa_enabled", "notes").get(i % 3);
            String contactId = data.contactId(random.nextLong(data.spec().contacts())).toString();
            Object before = value(contactId, property);
            Object after = switch (property) {
                case "notes" -> "renewal pilot".equals(before) ? "upsell workshop" : "renewal pilot";
                default -> !Boolean.TRUE.equals(before);
            };
            if (!changeAsPredicted(contactId, property, after).isEmpty()) {
                changesWithMoves++;
            }
        }
        assertThat(changesWithMoves).as("changes that moved memberships").isGreaterThan(3);
        everyContactEvaluatedAfreshIsInTheSegmentsTheIndexHas(data);

        // one contact through the chain: it joins "piloted" and leaves "certified, not piloted", its
        // partner becomes a pilot partner (and one with a pilot note) and every contact of the partner
        // joins "at a pilot partner"; then back
        String contactId = data.contactId(data.firstContactOf(1)).toString();
        String partnerId = data.partnerId(1).toString();
        changeAsPredicted(contactId, "mfa_enabled", true);
        changeAsPredicted(contactId, "certified", true);
        changeAsPredicted(contactId, "notes", "upsell workshop");
        Set<List<Object>> expected = new HashSet<>();
        expected.add(List.of(piloted, contactId, true));
        expected.add(List.of(notPiloted, contactId, false));
        expected.add(List.of(pilotPartner, partnerId, true));
        expected.add(List.of(notPilotPartner, partnerId, false));
        expected.add(List.of(noted, partnerId, true));
        for (int k = 0; k < data.contactsOf(1); k++) {
            expected.add(List.of(atPilotPartner, data.contactId(data.firstContactOf(1) + k).toString(), true));
        }
        Set<String> chain = Set.of(piloted, notPiloted, pilotPartner, atPilotPartner, notPilotPartner, noted);
        assertThat(moves(changeAsPredicted(contactId, "notes", CHAIN_NOTE), chain)).isEqualTo(expected);
        Set<List<Object>> reversed = new HashSet<>();
        expected.forEach(m -> reversed.add(List.of(m.get(0), m.get(1), !(Boolean) m.get(2))));
        assertThat(moves(changeAsPredicted(contactId, "notes", "upsell workshop"), chain)).isEqualTo(reversed);
        System.out.printf("[test] %d of 24 random changes moved memberships; the chain moved %d%n",
                changesWithMoves, expected.size());
    }

    /**
     * P2's answer, a set held as bits over the index's segment ordinals, against the index's own
     * set: the same ids by iteration, by look-up and by size, for every contact.
     */
    private void everyContactEvaluatedAfreshIsInTheSegmentsTheIndexHas(ReferenceDataset data) {
        int memberships = 0;
        for (long c = 0; c < data.spec().contacts(); c++) {
            String contactId = data.contactId(c).toString();
            Set<String> fresh = evaluation.segmentsOfContact(contactId);
            Set<String> indexed = index.segmentsOfContact(contactId);
            assertThat(new HashSet<>(fresh)).as("contact %s iterated", contactId).isEqualTo(indexed);
            assertThat(fresh).as("contact %s", contactId).hasSameSizeAs(indexed).isEqualTo(indexed);
            assertThat(fresh.contains("00000000-0000-0000-0000-000000000000")).isFalse();
            memberships += fresh.size();
        }
        assertThat(memberships).as("memberships of all contacts").isGreaterThan((int) data.spec().contacts());
        assertThat(evaluation.segmentsOfContact("00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    private static Set<List<Object>> moves(List<RecordEvaluation.Move> moves, Set<String> segments) {
        Set<List<Object>> out = new HashSet<>();
        moves.stream().filter(m -> segments.contains(m.segmentId()))
                .forEach(m -> out.add(List.of(m.segmentId(), m.memberId(), m.joined())));
        return out;
    }

    /**
     * Predicts the change from memory, makes it through the partners' command port, and checks the
     * prediction against what moved in the index (all of it); returns the moves.
     */
    private List<RecordEvaluation.Move> changeAsPredicted(String contactId, String property, Object after) {
        Object before = value(contactId, property);
        List<RecordEvaluation.Move> moves = evaluation.changedMembershipsIf(contactId, property, after);
        Set<List<Object>> predicted = new HashSet<>();
        for (RecordEvaluation.Move m : moves) {
            assertThat(predicted.add(List.of(m.segmentId(), m.memberId(), m.joined()))).as("once: %s", m).isTrue();
        }
        Set<List<Object>> was = memberships();
        commands.setContactProperties(contactId, Map.of(property, after), CHANGE);
        Set<List<Object>> now = memberships();
        Set<List<Object>> actual = new HashSet<>();
        now.stream().filter(m -> !was.contains(m)).forEach(m -> actual.add(List.of(m.get(0), m.get(1), true)));
        was.stream().filter(m -> !now.contains(m)).forEach(m -> actual.add(List.of(m.get(0), m.get(1), false)));
        assertThat(predicted).as("contact %s: %s %s -> %s", contactId, property, before, after).isEqualTo(actual);
        // once changed, nothing more would move
        assertThat(evaluation.changedMembershipsIf(contactId, property, after)).isEmpty();
        return moves;
    }

    private Object value(String contactId, String property) {
        ValueStore.View view = values.view();
        return view.contact(view.contactOrd(contactId)).value(property);
    }

    private static Map<String, Object> all(Object... nodes) {
        return Map.of("all", List.of(nodes));
    }

    /** Every membership in the index: (segment id, member id). */
    private Set<List<Object>> memberships() {
        Set<List<Object>> out = new HashSet<>();
        for (SegmentLevel level : SegmentLevel.values()) {
            index.forEachMembership(level,
                    (segment, member) -> out.add(List.of(segment.toString(), member.toString())));
        }
        return out;
    }
}
