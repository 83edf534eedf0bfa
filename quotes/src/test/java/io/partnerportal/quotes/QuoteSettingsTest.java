package io.partnerportal.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.partnerportal.quotes.QuotesFixture.cap;
import static io.partnerportal.quotes.QuotesFixture.everyone;
import static io.partnerportal.quotes.QuotesFixture.leaf;
import static io.partnerportal.quotes.QuotesFixture.segments;
import static org.assertj.core.api.Assertions.assertThat;

/** Settings → Quotes: the audience allowed to create quotes and the discount caps, audited and explained. */
@ScenarioTest
class QuoteSettingsTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    QuotesFixture f;

    @BeforeAll
    void setUp() {
        f = new QuotesFixture(new TestHttp(server.getURL()));
    }

    @Test
    void by_default_everyone_may_create_quotes_without_discount() {
        JsonNode settings = f.settings();
        assertThat(settings.at("/allowQuoteCreation/type").asText()).isEqualTo("everyone");
        assertThat(settings.get("defaultMaxDiscountPercent").decimalValue()).isZero();
        assertThat(settings.get("discountCaps").size()).isZero();
    }

    @Test
    void bad_settings_are_refused_with_every_error_and_a_stale_version_is_412() {
        String gold = f.segment("Settings gold", "partner", leaf("partner.tier", "in", List.of("gold")));
        long version = f.settings().get("version").asLong();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allowQuoteCreation", segments("6f1b2a3c-0000-4000-8000-000000000000"));
        body.put("defaultMaxDiscountPercent", 120);
        body.put("discountCaps", List.of(cap(gold, 10), cap(gold, 20), cap("6f1b2a3c-0000-4000-8000-000000000001",
                "x"), Map.of("segmentId", gold, "max", 3)));
        body.put("colour", "red");
        body.put("version", version);
        JsonNode problem = f.admin.put("/api/admin/quotes/settings", body).problem(422);
        List<String> errors = new ArrayList<>();
        problem.get("errors").forEach(e -> errors.add(e.get("pointer").asText()));
        assertThat(errors).contains("/allowQuoteCreation/segmentIds/0", "/defaultMaxDiscountPercent",
                "/discountCaps/1/segmentId", "/discountCaps/2/segmentId", "/discountCaps/2/maxDiscountPercent",
                "/discountCaps/3/max", "/colour");
        assertThat(f.settings().get("version").asLong()).as("nothing written").isEqualTo(version);

        f.admin.put("/api/admin/quotes/settings", Map.of("allowQuoteCreation", everyone())).problem(422);
        f.admin.put("/api/admin/quotes/settings", Map.of("allowQuoteCreation", everyone(), "version", version + 3))
                .problem(412);
        f.admin.put("/api/admin/quotes/settings", Map.of("allowQuoteCreation", Map.of("type", "segments",
                "segmentIds", List.of()), "version", version)).problem(422);
    }

    @Test
    void a_member_named_with_a_slash_or_a_tilde_is_pointed_at_with_its_escaped_name() {
        String gold = f.segment("Escaped gold", "partner", leaf("partner.tier", "in", List.of("gold")));
        long version = f.settings().get("version").asLong();
        Map<String, Object> cap = new LinkedHashMap<>(cap(gold, 10));
        cap.put("max/percent", 3);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allowQuoteCreation", everyone());
        body.put("discountCaps", List.of(cap));
        body.put("discount/caps", List.of());
        body.put("~draft", true);
        body.put("version", version);

        JsonNode problem = f.admin.put("/api/admin/quotes/settings", body).problem(422);

        List<String> errors = new ArrayList<>();
        problem.get("errors").forEach(e -> errors.add(e.get("pointer").asText() + " " + e.get("code").asText()
                + " " + e.get("message").asText()));
        assertThat(errors).containsExactly(
                "/discount~1caps unknown_field 'discount/caps' is not a quote setting "
                        + "(allowQuoteCreation, defaultMaxDiscountPercent, discountCaps, version)",
                "/~0draft unknown_field '~draft' is not a quote setting "
                        + "(allowQuoteCreation, defaultMaxDiscountPercent, discountCaps, version)",
                "/discountCaps/0/max~1percent unknown_field 'max/percent' is not a field of a cap "
                        + "(segmentId, maxDiscountPercent)");
        assertThat(f.settings().get("version").asLong()).as("nothing written").isEqualTo(version);
    }

    @Test
    void a_change_is_audited_reported_as_a_usage_of_its_segments_and_guards_them_against_deletion() {
        String gold = f.segment("Audit gold", "partner", leaf("partner.tier", "in", List.of("gold")));
        String certified = f.segment("Audit certified", "contact", leaf("contact.certified", "is_true", null));
        JsonNode saved = f.putSettings(segments(gold), 5, List.of(cap(certified, 15)));
        assertThat(saved.at("/allowQuoteCreation/segmentIds/0").asText()).isEqualTo(gold);
        assertThat(saved.at("/discountCaps/0/maxDiscountPercent").decimalValue()).isEqualByComparingTo("15");

        JsonNode audit = f.admin.get("/api/admin/audit?entityType=quote_settings").expect(200).json();
        assertThat(audit.at("/items/0/after/allowQuoteCreation/segmentIds/0").asText()).isEqualTo(gold);
        assertThat(audit.at("/items/0/after/discountCaps/0/segmentId").asText()).isEqualTo(certified);
        assertThat(audit.at("/items/0/actor/kind").asText()).isEqualToIgnoringCase("admin");

        JsonNode usages = f.admin.get("/api/admin/segments/" + gold + "/usages").expect(200).json();
        assertThat(usages.at("/0/kind").asText()).isEqualTo("quote_settings");
        assertThat(usages.at("/0/detail").asText()).isEqualTo("who may create quotes");
        assertThat(f.admin.get("/api/admin/segments/" + certified + "/usages").json().at("/0/detail").asText())
                .isEqualTo("discount cap of 15%");
        f.admin.delete("/api/admin/segments/" + gold).problem(409);

        f.putSettings(everyone(), null, List.of());
        f.admin.delete("/api/admin/segments/" + gold).expect(204);
    }

    @Test
    void the_access_explanation_names_the_segment_that_allows_or_the_ones_that_would() {
        String gold = f.segment("Explain gold", "partner", leaf("partner.tier", "in", List.of("gold")));
        String goldPartner = f.partner("Explain Gold", Map.of("tier", "gold"));
        String silverPartner = f.partner("Explain Silver", Map.of("tier", "silver"));
        String goldRep = f.contact(goldPartner, "rep@explain-gold.example", Map.of());
        String silverRep = f.contact(silverPartner, "rep@explain-silver.example", Map.of());
        f.putSettings(segments(gold), 3, List.of(cap(gold, 12)));

        JsonNode allowed = item(goldRep, "quote_creation");
        assertThat(allowed.get("allowed").asBoolean()).isTrue();
        assertThat(allowed.get("reason").asText()).isEqualTo("segment Explain gold");
        assertThat(item(goldRep, "quote_discount").get("name").asText()).isEqualTo("Quote discount up to 12%");
        JsonNode denied = item(silverRep, "quote_creation");
        assertThat(denied.get("allowed").asBoolean()).isFalse();
        assertThat(denied.get("reason").asText()).isEqualTo("not in any of: Explain gold");
        assertThat(item(silverRep, "quote_discount").get("reason").asText()).isEqualTo("default maximum discount");
        f.putSettings(everyone(), null, List.of());
    }

    private JsonNode item(String contactId, String kind) {
        JsonNode access = f.admin.get("/api/admin/contacts/" + contactId + "/access").expect(200).json();
        for (JsonNode item : access.get("items")) {
            if (item.get("kind").asText().equals(kind)) {
                return item;
            }
        }
        throw new AssertionError("no " + kind + " in " + access);
    }
}
