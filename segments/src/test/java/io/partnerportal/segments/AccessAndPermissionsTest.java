package io.partnerportal.segments;

import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.PageRequest;
import io.partnerportal.segments.api.Audience;
import io.partnerportal.segments.api.SegmentAccess;
import io.partnerportal.segments.api.SegmentDirectory;
import io.partnerportal.segments.api.SegmentPermissions;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.partnerportal.segments.Scenario.leaf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The api consumers use: audiences (any-of), segments of a contact, three-valued permissions. */
@ScenarioTest
class AccessAndPermissionsTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    SegmentAccess access;
    @Inject
    SegmentDirectory directory;

    Scenario s;
    String goldPartner;
    String silverPartner;
    String goldRep;
    String silverCertified;
    String gold;
    String certified;

    @BeforeAll
    void data() {
        s = new Scenario(new TestHttp(server.getURL()));
        goldPartner = s.partner("Perm Gold", Map.of("tier", "gold"));
        silverPartner = s.partner("Perm Silver", Map.of("tier", "silver"));
        goldRep = s.contact(goldPartner, "rep@permgold.example", Map.of());
        silverCertified = s.contact(silverPartner, "cert@permsilver.example", Map.of("certified", true));
        gold = s.segment("Perm gold partners", "partner", leaf("partner.tier", "in", List.of("gold")));
        certified = s.segment("Perm certified contacts", "contact", leaf("contact.certified", "is_true", null));
    }

    @Test
    void consumers_page_and_stream_the_members_of_a_segment() {
        assertThat(directory.members(gold, PageRequest.of(0, 50)).items()).containsExactly(goldPartner);
        List<String> streamed = new java.util.ArrayList<>();
        directory.forEachMember(certified, streamed::add);
        assertThat(streamed).contains(silverCertified).doesNotContain(goldRep).isSorted();
        assertThat(directory.members(certified, PageRequest.of(0, 50)).total()).isEqualTo(streamed.size());
        assertThat(directory.members(certified, PageRequest.of(0, 50)).items()).isEqualTo(streamed);
        assertThatThrownBy(() -> directory.members("7a1f0000-0000-4000-8000-000000000000", PageRequest.of(0, 10)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyone_admits_everyone_and_a_segment_audience_admits_members_of_any_of_its_segments() {
        assertThat(access.isAdmitted(goldRep, Audience.EVERYONE)).isTrue();
        Audience goldOrCertified = Audience.segments(gold, certified);
        assertThat(access.isAdmitted(goldRep, goldOrCertified)).as("via its partner").isTrue();
        assertThat(access.isAdmitted(silverCertified, goldOrCertified)).as("via its own segment").isTrue();
        assertThat(access.isAdmitted(silverCertified, Audience.segments(gold))).isFalse();
    }

    @Test
    void a_contact_is_in_its_partners_partner_level_segments() {
        assertThat(access.segmentsOfContact(goldRep)).contains(gold).doesNotContain(certified);
        assertThat(access.segmentsOfContact(silverCertified)).contains(certified).doesNotContain(gold);
        assertThat(access.segmentsOfPartner(goldPartner)).contains(gold).doesNotContain(certified);
    }

    @Test
    void a_deleted_or_unknown_segment_admits_nobody() {
        assertThat(access.isAdmitted(goldRep, Audience.segments("6f1b2a3c-0000-4000-8000-000000000000"))).isFalse();
        assertThatThrownBy(() -> directory.requireValid(Audience.segments(gold, "6f1b2a3c-0000-4000-8000-000000000000"),
                "/audience"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).pointer())
                        .isEqualTo("/audience/segmentIds/1"));
    }

    @Test
    void audience_json_is_read_strictly() {
        assertThat(Audience.fromJson(Map.of("type", "everyone"), "/a")).isEqualTo(Audience.EVERYONE);
        assertThat(Audience.fromJson(Map.of("type", "segments", "segmentIds", List.of(gold)), "/a"))
                .isEqualTo(Audience.segments(gold));
        assertThatThrownBy(() -> Audience.fromJson(Map.of("type", "segments", "segmentIds", List.of()), "/a"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).pointer()).isEqualTo("/a/segmentIds"));
        assertThatThrownBy(() -> Audience.fromJson(Map.of("type", "some"), "/a"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void permissions_are_three_valued_a_grant_wins_over_a_denial_which_wins_over_the_default() {
        String p = s.partner("Perm Three", Map.of("tier", "bronze"));
        String c = s.contact(p, "three@perm.example", Map.of("certified", true));
        assertThat(access.permissionsOf(c)).isEqualTo(SegmentPermissions.DEFAULTS);

        String deny = segmentWithPermissions("Perm bronze deny", "partner", leaf("partner.tier", "in", List.of("bronze")),
                false, true);
        SegmentPermissions denied = access.permissionsOf(c);
        assertThat(denied.inviteTeamMembers()).isFalse();
        assertThat(denied.inviteDecidedBy()).isEqualTo(deny);
        assertThat(denied.collaborationRestricted()).isTrue();

        String grant = segmentWithPermissions("Perm certified grant", "contact", leaf("contact.certified", "is_true", null),
                true, null);
        SegmentPermissions granted = access.permissionsOf(c);
        assertThat(granted.inviteTeamMembers()).isTrue();
        assertThat(granted.inviteDecidedBy()).isEqualTo(grant);
        assertThat(granted.collaborationRestricted()).as("untouched by the grant segment").isTrue();
    }

    private String segmentWithPermissions(String name, String level, Object condition, Boolean invite,
                                          Boolean restricted) {
        Map<String, Object> permissions = new LinkedHashMap<>();
        permissions.put("inviteTeamMembers", invite);
        permissions.put("collaborationRestricted", restricted);
        return s.admin.post("/api/admin/segments", Map.of("name", name, "level", level, "kind", "dynamic",
                "condition", condition, "permissions", permissions)).expect(201).text("/id");
    }
}
