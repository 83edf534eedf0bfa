package io.partnerportal.experiences;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import io.partnerportal.testsupport.TestHttp.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.partnerportal.experiences.Portal.everyone;
import static io.partnerportal.experiences.Portal.leaf;
import static io.partnerportal.experiences.Portal.segments;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002, "Partner onboarding": a Getting Started tab for partners in the Prospecting phase, a
 * Deals tab for partners that signed; a T&amp;C acceptance form moves the partner from prospecting to
 * signed contract, and the same contact's very next request shows the unlocked tab.
 */
@ScenarioTest
class OnboardingScenarioTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    Portal p;
    String acme;
    String ann;
    String bob;
    String globex;
    String gina;
    String terms;
    String prospecting;
    String signed;

    @BeforeAll
    void onboarding() {
        p = new Portal(new TestHttp(server.getURL()));
        acme = p.partner("Acme", Map.of("onboarding_phase", "prospecting"));
        ann = p.contact(acme, "ann");
        bob = p.contact(acme, "bob");
        globex = p.partner("Globex", Map.of("onboarding_phase", "prospecting"));
        gina = p.contact(globex, "gina");
        prospecting = p.partnerSegment("Prospecting", leaf("partner.onboarding_phase", "in", List.of("prospecting")));
        signed = p.partnerSegment("Signed", leaf("partner.onboarding_phase", "in", List.of("signed_contract")));
        terms = p.admin.post("/api/admin/forms", Map.of(
                "name", "Terms and conditions " + p.tag,
                "fields", List.of(Map.of("key", "accept", "label", "I accept the partner terms", "type", "checkbox",
                        "required", true), Map.of("key", "signer", "label", "Your name", "type", "text")),
                "mappings", List.of(Map.of("property", "partner.onboarding_phase", "value", "signed_contract")),
                "submitAudience", segments(prospecting))).expect(201).text("/id");
        String experience = p.defaultExperience();
        p.tab(experience, "Getting Started", segments(prospecting), List.of(), List.of(
                Portal.text("Welcome! Set up your account and take the onboarding course."),
                Map.of("type", "form", "formId", terms)));
        p.tab(experience, "Deals", segments(signed));
        p.tab(experience, "Resources", everyone());
        p.publish(experience);
    }

    @Test
    void accepting_the_terms_unlocks_the_deals_tab_on_the_very_next_request() {
        assertThat(p.tabsOf(ann, acme)).containsExactly("Getting Started", "Resources");
        JsonNode gettingStarted = p.as(ann, acme).get("/api/portal/tabs/" + p.slug("Getting Started")).expect(200)
                .json();
        assertThat(gettingStarted.at("/sections/1/formId").asText()).isEqualTo(terms);
        JsonNode form = p.as(ann, acme).get("/api/portal/forms/" + terms).expect(200).json();
        assertThat(form.get("fields").findValuesAsText("key")).containsExactly("accept", "signer");

        JsonNode submission = p.as(ann, acme).with("Idempotency-Key", "terms-" + p.tag)
                .post("/api/portal/forms/" + terms + "/submissions", Map.of("values", Map.of("accept", true,
                        "signer", "Ann Lee"))).expect(201).json();
        assertThat(submission.at("/values/accept").asBoolean()).isTrue();
        assertThat(submission.get("partnerId").asText()).isEqualTo(acme);

        // the same contact's very next request
        assertThat(p.tabsOf(ann, acme)).containsExactly("Deals", "Resources");
        p.as(ann, acme).get("/api/portal/tabs/" + p.slug("Getting Started")).problem(404);
        p.as(ann, acme).get("/api/portal/tabs/" + p.slug("Deals")).expect(200);
        // and every colleague of the partner
        assertThat(p.tabsOf(bob, acme)).containsExactly("Deals", "Resources");
        // another partner is untouched
        assertThat(p.tabsOf(gina, globex)).containsExactly("Getting Started", "Resources");

        JsonNode partner = p.admin.get("/api/admin/partners/" + acme).expect(200).json();
        assertThat(partner.at("/properties/onboarding_phase").asText()).isEqualTo("signed_contract");
        JsonNode history = p.admin.get("/api/admin/partners/" + acme + "/membership-history").expect(200).json();
        assertThat(history.at("/items/0/cause/detail/source").asText()).isEqualTo("form_submission");
        assertThat(history.at("/items/0/actor/kind").asText()).isEqualTo("contact");
        assertThat(history.at("/items/0/actor/id").asText()).isEqualTo(ann);

        // a retry with the same key answers the same submission and writes nothing again
        Response retry = p.as(ann, acme).with("Idempotency-Key", "terms-" + p.tag)
                .post("/api/portal/forms/" + terms + "/submissions", Map.of("values", Map.of("signer", "Ann Lee",
                        "accept", true)));
        retry.expect(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asText()).isEqualTo(submission.get("id").asText());
        assertThat(p.admin.get("/api/admin/forms/" + terms + "/submissions").json().get("total").asLong())
                .isEqualTo(1);
        // the same key with another body is refused
        JsonNode reused = p.as(ann, acme).with("Idempotency-Key", "terms-" + p.tag)
                .post("/api/portal/forms/" + terms + "/submissions", Map.of("values", Map.of("accept", true,
                        "signer", "Someone else"))).problem(422);
        assertThat(reused.at("/errors/0/code").asText()).isEqualTo("idempotency_key_reused");
        // signed partners may no longer submit the prospecting form
        p.as(bob, acme).post("/api/portal/forms/" + terms + "/submissions", Map.of("values", Map.of("accept", true)))
                .problem(404);
    }

    @Test
    void a_submission_without_the_required_acceptance_is_a_422_and_writes_nothing() {
        JsonNode problem = p.as(gina, globex).post("/api/portal/forms/" + terms + "/submissions",
                Map.of("values", Map.of("accept", false, "signer", 42, "extra", "x"))).problem(422);
        assertThat(problem.get("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/values/accept",
                "/values/signer", "/values/extra");
        assertThat(p.admin.get("/api/admin/partners/" + globex).json().at("/properties/onboarding_phase").asText())
                .isEqualTo("prospecting");
        assertThat(p.tabsOf(gina, globex)).containsExactly("Getting Started", "Resources");
        p.as(gina, globex).post("/api/portal/forms/" + terms + "/submissions", "{not json").expect(400);
    }

    @Test
    void no_contact_sees_another_partners_submissions_and_admins_see_all() {
        String hooli = p.partner("Hooli", Map.of("onboarding_phase", "prospecting"));
        String hana = p.contact(hooli, "hana");
        String initech = p.partner("Initech", Map.of("onboarding_phase", "prospecting"));
        String ivan = p.contact(initech, "ivan");
        String form = p.admin.post("/api/admin/forms", Map.of("name", "Feedback " + p.tag,
                "fields", List.of(Map.of("key", "comment", "label", "Comment", "type", "textarea", "required", true))))
                .expect(201).text("/id");
        p.as(hana, hooli).post("/api/portal/forms/" + form + "/submissions", Map.of("values",
                Map.of("comment", "from Hooli"))).expect(201);
        p.as(ivan, initech).post("/api/portal/forms/" + form + "/submissions", Map.of("values",
                Map.of("comment", "from Initech"))).expect(201);

        JsonNode hoolis = p.as(hana, hooli).get("/api/portal/forms/" + form + "/submissions").expect(200).json();
        assertThat(hoolis.get("total").asLong()).isEqualTo(1);
        assertThat(hoolis.at("/items/0/values/comment").asText()).isEqualTo("from Hooli");
        JsonNode initechs = p.as(ivan, initech).get("/api/portal/forms/" + form + "/submissions").expect(200).json();
        assertThat(initechs.get("items").findValuesAsText("partnerId")).containsExactly(initech);
        // a token claiming another partner does not help: the partner comes from the contact itself
        JsonNode forged = p.as(ivan, hooli).get("/api/portal/forms/" + form + "/submissions").expect(200).json();
        assertThat(forged.get("items").findValuesAsText("partnerId")).containsExactly(initech);

        JsonNode all = p.admin.get("/api/admin/forms/" + form + "/submissions").expect(200).json();
        assertThat(all.get("total").asLong()).isEqualTo(2);
        assertThat(p.admin.get("/api/admin/forms/" + form + "/submissions?partnerId=" + hooli).json().get("total")
                .asLong()).isEqualTo(1);
        p.http.get("/api/portal/forms/" + form + "/submissions").expect(401);
        p.admin.get("/api/portal/experience").expect(403);
    }
}
