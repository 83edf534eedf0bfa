package io.partnerportal.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.partnerportal.quotes.QuotesFixture.cap;
import static io.partnerportal.quotes.QuotesFixture.everyone;
import static io.partnerportal.quotes.QuotesFixture.leaf;
import static io.partnerportal.quotes.QuotesFixture.line;
import static io.partnerportal.quotes.QuotesFixture.quote;
import static io.partnerportal.quotes.QuotesFixture.segments;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 002 "Ability to create quotes": who may quote, discount caps, server-side totals, idempotency. */
@ScenarioTest
class QuoteCreationTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    QuotesFixture f;
    String goldOrCertified;
    String goldPartners;
    String certifiedContacts;
    String eurLicence;
    String eurCheap;
    String usdSupport;
    String jpyUnit;

    @BeforeAll
    void setUp() {
        f = new QuotesFixture(new TestHttp(server.getURL()));
        goldOrCertified = f.segment("Quote gold or certified", "partner", Map.of("any", List.of(
                leaf("partner.tier", "in", List.of("gold")), leaf("partner.certified", "is_true", null))));
        goldPartners = f.segment("Quote gold partners", "partner", leaf("partner.tier", "in", List.of("gold")));
        certifiedContacts = f.segment("Quote certified contacts", "contact", leaf("contact.certified", "is_true", null));
        eurLicence = f.product("LIC-100", "Licence", new BigDecimal("19.99"), "EUR");
        eurCheap = f.product("STICKER", "Sticker", new BigDecimal("0.25"), "EUR");
        usdSupport = f.product("SUP-1", "Support", new BigDecimal("100"), "USD");
        jpyUnit = f.product("JP-1", "Unit", new BigDecimal("1001"), "JPY");
    }

    @BeforeEach
    void everyoneMayQuoteWithoutDiscount() {
        f.putSettings(everyone(), null, List.of());
    }

    @Test
    void a_silver_partners_contact_is_refused_and_allowed_on_its_next_call_once_the_partner_is_gold() {
        f.putSettings(segments(goldOrCertified), null, List.of());
        String partner = f.partner("Silver Quoter", Map.of("tier", "silver"));
        TestHttp rep = f.as(f.contact(partner, "rep@silver-quoter.example", Map.of()));

        assertThat(rep.get("/api/portal/quotes/capabilities").expect(200).json().get("canCreateQuotes").asBoolean())
                .isFalse();
        JsonNode refused = rep.post("/api/portal/quotes", quote(line(eurLicence, 1, null))).problem(403);
        assertThat(refused.get("detail").asText()).containsIgnoringCase("quote creation is restricted");

        f.admin.patch("/api/admin/partners/" + partner, Map.of("properties", Map.of("tier", "gold"))).expect(200);
        assertThat(rep.get("/api/portal/quotes/capabilities").json().get("canCreateQuotes").asBoolean()).isTrue();
        rep.post("/api/portal/quotes", quote(line(eurLicence, 1, null))).expect(201);

        f.admin.patch("/api/admin/partners/" + partner, Map.of("properties", Map.of("tier", "silver"))).expect(200);
        rep.post("/api/portal/quotes", quote(line(eurLicence, 1, null))).problem(403);
        f.admin.patch("/api/admin/partners/" + partner, Map.of("properties", Map.of("certified", true))).expect(200);
        rep.post("/api/portal/quotes", quote(line(eurLicence, 1, null))).expect(201);
    }

    @Test
    void the_highest_discount_cap_among_the_contacts_segments_wins_else_the_default() {
        f.putSettings(everyone(), 5, List.of(cap(goldPartners, 10), cap(certifiedContacts, new BigDecimal("20.5"))));
        String silver = f.partner("Cap Silver", Map.of("tier", "silver"));
        String gold = f.partner("Cap Gold", Map.of("tier", "gold"));
        TestHttp plain = f.as(f.contact(silver, "plain@cap.example", Map.of()));
        TestHttp goldRep = f.as(f.contact(gold, "gold@cap.example", Map.of()));
        TestHttp goldCertified = f.as(f.contact(gold, "certified@cap.example", Map.of("certified", true)));

        assertThat(maxDiscount(plain)).isEqualByComparingTo("5");
        assertThat(maxDiscount(goldRep)).isEqualByComparingTo("10");
        assertThat(maxDiscount(goldCertified)).isEqualByComparingTo("20.5");

        plain.post("/api/portal/quotes", quote(line(eurLicence, 1, 5))).expect(201);
        JsonNode tooMuch = plain.post("/api/portal/quotes", quote(line(eurLicence, 1, new BigDecimal("5.01"))))
                .problem(422);
        assertThat(tooMuch.at("/errors/0/pointer").asText()).isEqualTo("/lines/0/discountPercent");
        assertThat(tooMuch.at("/errors/0/code").asText()).isEqualTo("discount_above_cap");
        goldRep.post("/api/portal/quotes", quote(line(eurLicence, 1, 10))).expect(201);
        goldRep.post("/api/portal/quotes", quote(line(eurLicence, 1, 11))).problem(422);
        goldCertified.post("/api/portal/quotes", quote(line(eurLicence, 1, new BigDecimal("20.5")))).expect(201);

        f.putSettings(everyone(), null, List.of());
        assertThat(maxDiscount(goldCertified)).as("0 unless set").isEqualByComparingTo("0");
        goldCertified.post("/api/portal/quotes", quote(line(eurLicence, 1, new BigDecimal("0.01")))).problem(422);
    }

    @Test
    void totals_are_computed_server_side_half_even_at_the_currencys_scale() {
        f.putSettings(everyone(), 50, List.of());
        TestHttp rep = f.as(f.contact(f.partner("Totals", Map.of()), "rep@totals.example", Map.of()));
        TestHttp.Response response = rep.post("/api/portal/quotes", quote(line(eurLicence, 3, new BigDecimal("12.5")),
                line(eurCheap, 1, 10), line(eurCheap, 1, 14))).expect(201);
        JsonNode eur = response.json();
        assertThat(response.body()).as("amounts at the currency's scale").contains("\"discount\":7.50",
                "\"discountPercent\":12.50", "\"unitPrice\":0.25");
        assertThat(eur.get("currency").asText()).isEqualTo("EUR");
        // 19.99 × 3 = 59.97, 12.5 % = 7.49625 → 7.50
        assertThat(eur.at("/lines/0/subtotal").decimalValue()).isEqualByComparingTo("59.97");
        assertThat(eur.at("/lines/0/discount").decimalValue()).isEqualByComparingTo("7.50");
        assertThat(eur.at("/lines/0/total").decimalValue()).isEqualByComparingTo("52.47");
        // 0.25 × 10 % = 0.025 → 0.02 (half to even; half up would give 0.03); 0.25 × 14 % = 0.035 → 0.04
        assertThat(eur.at("/lines/1/discount").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(eur.at("/lines/2/discount").decimalValue()).isEqualByComparingTo("0.04");
        assertThat(eur.get("subtotal").decimalValue()).isEqualByComparingTo("60.47");
        assertThat(eur.get("discountTotal").decimalValue()).isEqualByComparingTo("7.56");
        assertThat(eur.get("total").decimalValue()).isEqualByComparingTo("52.91");

        // JPY has no decimals: 1001 × 50 % = 500.5 → 500
        JsonNode jpy = rep.post("/api/portal/quotes", quote(line(jpyUnit, 1, 50))).expect(201).json();
        assertThat(jpy.get("discountTotal").decimalValue()).isEqualByComparingTo("500");
        assertThat(jpy.get("total").decimalValue()).isEqualByComparingTo("501");
        assertThat(jpy.at("/lines/0/unitPrice").decimalValue()).isEqualByComparingTo("1001");
    }

    @Test
    void bad_lines_are_refused_with_every_error_and_nothing_is_created() {
        String partner = f.partner("Bad Lines", Map.of());
        TestHttp rep = f.as(f.contact(partner, "rep@bad-lines.example", Map.of()));
        JsonNode problem = rep.post("/api/portal/quotes", quote(line("6f1b2a3c-0000-4000-8000-000000000000", 1, null),
                line(eurLicence, 0, null), line(eurLicence, -2, 101), line(usdSupport, 1, null))).problem(422);
        List<String> errors = new ArrayList<>();
        problem.get("errors").forEach(e -> errors.add(e.get("pointer").asText() + " " + e.get("code").asText()));
        assertThat(errors).containsExactlyInAnyOrder("/lines/0/productId unknown_product",
                "/lines/1/quantity out_of_range", "/lines/2/quantity out_of_range",
                "/lines/2/discountPercent out_of_range", "/lines/3/productId mixed_currencies");

        JsonNode mixed = rep.post("/api/portal/quotes", quote(line(eurLicence, 1, null), line(usdSupport, 1, null),
                line("not-an-id", 1, null))).problem(422);
        errors.clear();
        mixed.get("errors").forEach(e -> errors.add(e.get("pointer").asText() + " " + e.get("code").asText()));
        assertThat(errors).containsExactlyInAnyOrder("/lines/1/productId mixed_currencies",
                "/lines/2/productId unknown_product");

        rep.post("/api/portal/quotes", Map.of("lines", List.of())).problem(422);
        rep.post("/api/portal/quotes", Map.of("items", List.of())).problem(422);
        rep.send("POST", "/api/portal/quotes", "{\"lines\": [", "application/json").problem(400);
        assertThat(rep.get("/api/portal/quotes").expect(200).json().get("total").asLong()).isZero();
    }

    @Test
    void an_idempotency_key_answers_the_same_quote_for_a_retry_and_refuses_a_different_request() {
        String partner = f.partner("Idempotent", Map.of());
        String contact = f.contact(partner, "rep@idempotent.example", Map.of());
        TestHttp rep = f.as(contact).with("Idempotency-Key", "order-42");
        TestHttp.Response first = rep.post("/api/portal/quotes", quote(line(eurLicence, 2, null))).expect(201);
        TestHttp.Response retry = rep.post("/api/portal/quotes", quote(line(eurLicence, 2, null))).expect(201);
        assertThat(retry.text("/id")).isEqualTo(first.text("/id"));
        assertThat(retry.text("/number")).isEqualTo(first.text("/number"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();

        JsonNode reused = rep.post("/api/portal/quotes", quote(line(eurLicence, 3, null))).problem(422);
        assertThat(reused.at("/errors/0/parameter").asText()).isEqualTo("Idempotency-Key");
        assertThat(reused.at("/errors/0/code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(f.as(contact).get("/api/portal/quotes").json().get("total").asLong()).isEqualTo(1);

        // keys belong to a contact: a colleague's request under the same key is its own quote
        String colleague = f.contact(partner, "other@idempotent.example", Map.of());
        String other = f.as(colleague).with("Idempotency-Key", "order-42")
                .post("/api/portal/quotes", quote(line(eurLicence, 2, null))).expect(201).text("/id");
        assertThat(other).isNotEqualTo(first.text("/id"));
        f.as(contact).with("Idempotency-Key", " ").post("/api/portal/quotes", quote(line(eurLicence, 1, null)))
                .problem(422);
    }

    @Test
    void a_contact_reads_only_its_own_partners_quotes() {
        String mine = f.partner("Mine Quotes", Map.of());
        String theirs = f.partner("Their Quotes", Map.of());
        String me = f.contact(mine, "me@mine-quotes.example", Map.of());
        String colleague = f.contact(mine, "colleague@mine-quotes.example", Map.of());
        String stranger = f.contact(theirs, "x@their-quotes.example", Map.of());
        String myQuote = f.as(me).post("/api/portal/quotes", quote(line(eurLicence, 1, null))).expect(201).text("/id");
        String theirQuote = f.as(stranger).post("/api/portal/quotes", quote(line(usdSupport, 1, null))).expect(201)
                .text("/id");

        JsonNode list = f.as(colleague).get("/api/portal/quotes").expect(200).json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.at("/items/0/id").asText()).isEqualTo(myQuote);
        assertThat(list.at("/items/0/createdBy").asText()).isEqualTo(me);
        f.as(colleague).get("/api/portal/quotes/" + myQuote).expect(200);
        f.as(colleague).get("/api/portal/quotes/" + theirQuote).problem(404);
        f.as(colleague).get("/api/portal/quotes/nonsense").problem(404);

        // a token naming the other partner changes nothing: the partner comes from the directory
        TestHttp forged = f.http.asContact(me, theirs);
        forged.get("/api/portal/quotes/" + theirQuote).problem(404);
        assertThat(forged.get("/api/portal/quotes").json().at("/items/0/id").asText()).isEqualTo(myQuote);
        String created = forged.post("/api/portal/quotes", quote(line(eurLicence, 1, null))).expect(201).json()
                .get("partnerId").asText();
        assertThat(created).isEqualTo(mine);
        f.admin.get("/api/portal/quotes").expect(403);
    }

    private static BigDecimal maxDiscount(TestHttp contact) {
        JsonNode caps = contact.get("/api/portal/quotes/capabilities").expect(200).json();
        assertThat(caps.get("canCreateQuotes").asBoolean()).isTrue();
        return caps.get("maxDiscountPercent").decimalValue();
    }
}
