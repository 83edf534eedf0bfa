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

/** Drafts, publication, versions, restore, the choice of experience by priority, and the admin's preview. */
@ScenarioTest
class PublishingTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    Portal p;

    @BeforeEach
    void portal() {
        p = new Portal(new TestHttp(server.getURL()));
    }

    @Test
    void draft_changes_stay_invisible_until_published_and_publishing_is_a_new_version() {
        String acme = p.partner("Drafts", Map.of());
        String ann = p.contact(acme, "ann");
        String segment = p.partnerSegment("Draft partners", leaf("partner.name", "contains", "Drafts"));
        String experience = p.experience("Drafts", 10, segments(segment));
        p.tab(experience, "Welcome", everyone());
        // never published: the contact still gets the default experience
        assertThat(p.experienceOf(ann, acme).at("/experience/id").asText()).isEqualTo(p.defaultExperience());
        JsonNode draft = p.admin.get("/api/admin/experiences/" + experience).expect(200).json();
        assertThat(draft.get("publishedVersion").isNull()).isTrue();
        assertThat(draft.get("hasUnpublishedChanges").asBoolean()).isTrue();

        JsonNode v1 = p.publish(experience);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(p.experienceOf(ann, acme).at("/experience/id").asText()).isEqualTo(experience);
        assertThat(p.tabsOf(ann, acme)).containsExactly("Welcome");

        // edit the draft: a new tab and a renamed one — the portal keeps showing version 1
        String welcome = draft.get("tabs").isEmpty() ? null : draft.at("/tabs/0/id").asText();
        p.tab(experience, "Pricing", everyone());
        JsonNode tabs = p.admin.get("/api/admin/experiences/" + experience + "/tabs").expect(200).json();
        welcome = tabs.get(0).get("id").asText();
        p.admin.put("/api/admin/experiences/" + experience + "/tabs/" + welcome, Map.of("title", "Hello",
                "slug", p.slug("Welcome"), "sections", List.of(Portal.text("hi")))).expect(200);
        assertThat(p.tabsOf(ann, acme)).containsExactly("Welcome");
        assertThat(p.admin.get("/api/admin/experiences/" + experience).json().get("hasUnpublishedChanges")
                .asBoolean()).isTrue();

        JsonNode v2 = p.publish(experience);
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(p.tabsOf(ann, acme)).containsExactly("Hello", "Pricing");
        assertThat(p.experienceOf(ann, acme).at("/experience/version").asInt()).isEqualTo(2);
        // publishing an unchanged draft publishes nothing new
        assertThat(p.publish(experience).get("version").asInt()).isEqualTo(2);

        JsonNode versions = p.admin.get("/api/admin/experiences/" + experience + "/versions").expect(200).json();
        assertThat(versions.findValuesAsText("version")).containsExactly("2", "1");
        assertThat(versions.get(0).get("live").asBoolean()).isTrue();
        JsonNode audit = p.admin.get("/api/admin/audit?entityType=experience&entityId=" + experience).json();
        assertThat(audit.at("/items/0/action").asText()).isEqualTo("published");
        assertThat(audit.at("/items/0/after/version").asInt()).isEqualTo(2);
    }

    @Test
    void the_previous_version_can_be_restored() {
        String acme = p.partner("Restore", Map.of());
        String ann = p.contact(acme, "ann");
        String segment = p.partnerSegment("Restore partners", leaf("partner.name", "contains", "Restore"));
        String experience = p.experience("Restore", 20, segments(segment));
        String tab = p.tab(experience, "Original", everyone());
        p.publish(experience);
        p.admin.delete("/api/admin/experiences/" + experience + "/tabs/" + tab).expect(204);
        p.tab(experience, "Replacement", everyone());
        p.publish(experience);
        assertThat(p.tabsOf(ann, acme)).containsExactly("Replacement");

        JsonNode restored = p.admin.post("/api/admin/experiences/" + experience + "/restore", Map.of()).expect(200)
                .json();
        assertThat(restored.get("version").asInt()).isEqualTo(3);
        assertThat(restored.get("restoredFrom").asInt()).isEqualTo(1);
        assertThat(p.tabsOf(ann, acme)).containsExactly("Original");
        JsonNode draft = p.admin.get("/api/admin/experiences/" + experience).json();
        assertThat(draft.get("tabs").findValuesAsText("title")).containsExactly("Original");
        assertThat(draft.get("hasUnpublishedChanges").asBoolean()).isFalse();
        JsonNode version1 = p.admin.get("/api/admin/experiences/" + experience + "/versions/1").expect(200).json();
        assertThat(version1.get("tabs").findValuesAsText("title")).containsExactly("Original");
        p.admin.post("/api/admin/experiences/" + experience + "/restore", Map.of("toVersion", 9)).problem(422);
        p.admin.get("/api/admin/experiences/" + experience + "/versions/9").problem(404);
    }

    @Test
    void the_experience_with_the_lowest_priority_that_admits_the_contact_wins_else_the_default() {
        String gold = p.partner("Priority gold", Map.of("tier", "gold"));
        String silver = p.partner("Priority silver", Map.of("tier", "silver"));
        String bronze = p.partner("Priority bronze", Map.of("tier", "bronze"));
        String g = p.contact(gold, "g");
        String s = p.contact(silver, "s");
        String b = p.contact(bronze, "b");
        String goldSegment = p.partnerSegment("Priority gold", leaf("partner.tier", "in", List.of("gold")));
        String goldOrSilver = p.partnerSegment("Priority gold or silver", leaf("partner.tier", "in",
                List.of("gold", "silver")));
        String broad = p.experience("Partners", 50, segments(goldOrSilver));
        String vip = p.experience("VIP", 5, segments(goldSegment));
        p.tab(broad, "Broad", everyone());
        p.tab(vip, "VIP lounge", everyone());
        p.publish(broad);
        p.publish(vip);

        assertThat(p.experienceOf(g, gold).at("/experience/id").asText()).isEqualTo(vip);
        assertThat(p.experienceOf(s, silver).at("/experience/id").asText()).isEqualTo(broad);
        assertThat(p.experienceOf(b, bronze).at("/experience/id").asText()).isEqualTo(p.defaultExperience());
        assertThat(p.tabsOf(g, gold)).containsExactly("VIP lounge");

        // priorities live in the draft too: the swap shows once published
        p.admin.patch("/api/admin/experiences/" + broad, Map.of("priority", 1)).expect(200);
        assertThat(p.experienceOf(g, gold).at("/experience/id").asText()).isEqualTo(vip);
        p.publish(broad);
        assertThat(p.experienceOf(g, gold).at("/experience/id").asText()).isEqualTo(broad);

        // deleting an experience hands its contacts to the next one
        p.admin.delete("/api/admin/experiences/" + broad).expect(204);
        assertThat(p.experienceOf(g, gold).at("/experience/id").asText()).isEqualTo(vip);
        assertThat(p.experienceOf(s, silver).at("/experience/id").asText()).isEqualTo(p.defaultExperience());
        p.admin.delete("/api/admin/experiences/" + p.defaultExperience()).problem(409);
    }

    @Test
    void the_preview_shows_each_tab_visible_or_hidden_with_its_reason() {
        String acme = p.partner("Preview", Map.of("onboarding_phase", "prospecting"));
        String ann = p.contact(acme, "ann");
        String prospecting = p.partnerSegment("Preview prospecting", leaf("partner.onboarding_phase", "in",
                List.of("prospecting")));
        String signed = p.partnerSegment("Preview signed", leaf("partner.onboarding_phase", "in",
                List.of("signed_contract")));
        String experience = p.experience("Preview", 30, segments(prospecting, signed));
        p.tab(experience, "Getting Started", segments(prospecting));
        p.tab(experience, "Deals", segments(signed));
        p.tab(experience, "Admin corner", everyone(), List.of("admin"), List.of(Portal.text("x")));
        p.tab(experience, "Everyone", everyone());

        JsonNode preview = p.admin.get("/api/admin/experiences/" + experience + "/preview?contactId=" + ann
                + "&version=draft").expect(200).json();
        assertThat(preview.get("version").asText()).isEqualTo("draft");
        assertThat(preview.at("/contact/role/key").asText()).isEqualTo("sales_rep");
        assertThat(preview.at("/audience/passed").asBoolean()).isTrue();
        JsonNode tabs = preview.get("tabs");
        assertThat(tabs.findValuesAsText("visible")).containsExactly("true", "false", "false", "true");
        assertThat(tabs.get(0).at("/audience/reason").asText()).isEqualTo("in segment Preview prospecting " + p.tag);
        assertThat(tabs.get(1).at("/audience/reason").asText()).isEqualTo("not in any of: Preview signed " + p.tag);
        assertThat(tabs.get(2).at("/role/reason").asText()).isEqualTo("role Sales rep is not in [Admin]");
        assertThat(tabs.get(3).get("reason").asText()).isEqualTo("visible: everyone; all roles");
        // not published yet: the contact is served the default experience
        assertThat(preview.at("/servedExperience/id").asText()).isEqualTo(p.defaultExperience());

        p.admin.get("/api/admin/experiences/" + experience + "/preview?contactId=" + ann + "&version=published")
                .problem(422);
        p.publish(experience);
        JsonNode published = p.admin.get("/api/admin/experiences/" + experience + "/preview?contactId=" + ann
                + "&version=published").expect(200).json();
        assertThat(published.get("version").asText()).isEqualTo("1");
        assertThat(published.at("/servedExperience/id").asText()).isEqualTo(experience);
        p.admin.get("/api/admin/experiences/" + experience + "/preview").problem(422);
        p.admin.get("/api/admin/experiences/" + experience + "/preview?contactId=00000000-0000-4000-8000-000000000000")
                .problem(422);
    }

    @Test
    void bad_drafts_are_422s_with_pointers_stale_versions_412_and_duplicate_slugs_409() {
        String experience = p.experience("Checks", 40, everyoneSegmentless());
        JsonNode bad = p.admin.post("/api/admin/experiences/" + experience + "/tabs", Map.of(
                "title", " ", "slug", "Not A Slug", "colour", "red",
                "sections", List.of(Map.of("type", "video"), Map.of("type", "links", "links", List.of(
                        Map.of("label", "Docs", "url", "ftp://x")))),
                "visibility", Map.of("audience", Map.of("type", "segments", "segmentIds", List.of()),
                        "roles", List.of("Admin!")))).problem(422);
        assertThat(bad.get("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/title", "/slug",
                "/colour", "/sections/0/type", "/sections/1/links/0/url", "/visibility/audience/segmentIds",
                "/visibility/roles/0");
        JsonNode unknown = p.admin.post("/api/admin/experiences/" + experience + "/tabs", Map.of("title", "T",
                "slug", "t-" + p.tag, "visibility", Map.of("audience", segments("00000000-0000-4000-8000-000000000000"),
                        "roles", List.of("emperor")))).problem(422);
        assertThat(unknown.at("/errors/0/pointer").asText()).startsWith("/visibility/audience/segmentIds");
        JsonNode unknownRole = p.admin.post("/api/admin/experiences/" + experience + "/tabs", Map.of("title", "T",
                "slug", "t-" + p.tag, "visibility", Map.of("roles", List.of("emperor")),
                "sections", List.of(Map.of("type", "form", "formId", "00000000-0000-4000-8000-000000000000"))))
                .problem(422);
        assertThat(unknownRole.get("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder(
                "/visibility/roles/0", "/sections/0/formId");

        p.tab(experience, "Unique", everyone());
        p.admin.post("/api/admin/experiences/" + experience + "/tabs", Map.of("title", "Again",
                "slug", p.slug("Unique"))).problem(409);
        long version = p.admin.get("/api/admin/experiences/" + experience).json().get("version").asLong();
        p.admin.patch("/api/admin/experiences/" + experience, Map.of("name", "Renamed " + p.tag, "version", version))
                .expect(200);
        JsonNode stale = p.admin.patch("/api/admin/experiences/" + experience, Map.of("name", "Late",
                "version", version)).problem(412);
        assertThat(stale.get("currentVersion").asLong()).isEqualTo(version + 1);
        p.admin.post("/api/admin/experiences/" + experience + "/tabs", Map.of("title", "Late", "slug",
                "late-" + p.tag, "version", version)).problem(412);
        p.admin.patch("/api/admin/experiences/" + p.defaultExperience(), Map.of("priority", 3)).problem(422);
        p.admin.post("/api/admin/experiences", Map.of("name", "No priority")).problem(422);
        p.admin.get("/api/admin/experiences/00000000-0000-4000-8000-000000000000").problem(404);
        p.admin.get("/api/admin/experiences/" + experience + "/tabs/nope").problem(404);
    }

    @Test
    void tabs_are_reordered_and_the_portal_shows_them_in_that_order() {
        String acme = p.partner("Order", Map.of());
        String ann = p.contact(acme, "ann");
        String segment = p.partnerSegment("Order partners", leaf("partner.name", "contains", "Order"));
        String experience = p.experience("Order", 60, segments(segment));
        String one = p.tab(experience, "One", everyone());
        String two = p.tab(experience, "Two", everyone());
        String three = p.tab(experience, "Three", everyone());
        p.admin.put("/api/admin/experiences/" + experience + "/tabs/order", Map.of("tabIds", List.of(three, one, two)))
                .expect(200);
        p.admin.put("/api/admin/experiences/" + experience + "/tabs/order", Map.of("tabIds", List.of(three, one)))
                .problem(422);
        p.publish(experience);
        assertThat(p.tabsOf(ann, acme)).containsExactly("Three", "One", "Two");
    }

    private Map<String, Object> everyoneSegmentless() {
        // an experience no contact of other tests gets: a segment of this test's (absent) partners
        return segments(p.partnerSegment("Nobody", leaf("partner.name", "contains", "nobody-at-all")));
    }
}
