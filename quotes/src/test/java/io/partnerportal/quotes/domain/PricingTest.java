package io.partnerportal.quotes.domain;

import io.partnerportal.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PricingTest {

    static Product product(String price, String currency) {
        return new Product(UUID.randomUUID(), "SKU-" + currency, "P", new BigDecimal(price), currency, 1, Instant.EPOCH,
                Instant.EPOCH);
    }

    static QuoteRequest request(Object... lines) {
        return QuoteRequest.parse(Map.of("lines", List.of(lines)));
    }

    static Map<String, Object> line(Product p, int quantity, String discount) {
        return Map.of("productId", p.id().toString(), "quantity", BigDecimal.valueOf(quantity), "discountPercent",
                new BigDecimal(discount));
    }

    @Test
    void each_line_is_rounded_half_even_at_the_currencys_scale_and_the_totals_are_their_sums() {
        Product sticker = product("0.25", "EUR");
        Pricing.Priced priced = Pricing.price(request(line(sticker, 1, "10"), line(sticker, 1, "14"),
                line(sticker, 3, "0")), Map.of(sticker.id(), sticker), new BigDecimal("50"));
        assertThat(priced.lines()).extracting(QuoteLine::discount).containsExactly(new BigDecimal("0.02"),
                new BigDecimal("0.04"), new BigDecimal("0.00"));
        assertThat(priced.subtotal()).isEqualTo(new BigDecimal("1.25"));
        assertThat(priced.discountTotal()).isEqualTo(new BigDecimal("0.06"));
        assertThat(priced.total()).isEqualTo(new BigDecimal("1.19"));
    }

    @Test
    void currencies_without_decimals_or_with_three_round_at_their_own_scale() {
        Product yen = product("1001", "JPY");
        assertThat(Pricing.price(request(line(yen, 1, "50")), Map.of(yen.id(), yen), BigDecimal.valueOf(50)).total())
                .isEqualTo(new BigDecimal("501"));
        Product dinar = product("1.005", "BHD");
        Pricing.Priced bhd = Pricing.price(request(line(dinar, 1, "50")), Map.of(dinar.id(), dinar),
                BigDecimal.valueOf(50));
        assertThat(bhd.discountTotal()).isEqualTo(new BigDecimal("0.502"));
        assertThat(bhd.total()).isEqualTo(new BigDecimal("0.503"));
    }

    @Test
    void unknown_products_mixed_currencies_and_discounts_above_the_cap_are_each_reported() {
        Product eur = product("10", "EUR");
        Product usd = product("10", "USD");
        assertThatThrownBy(() -> Pricing.price(request(line(eur, 1, "0"), line(usd, 1, "6"),
                Map.of("productId", UUID.randomUUID().toString(), "quantity", BigDecimal.ONE)),
                Map.of(eur.id(), eur, usd.id(), usd), new BigDecimal("5")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.pointer() + " " + err.code())
                        .containsExactlyInAnyOrder("/lines/1/productId mixed_currencies",
                                "/lines/1/discountPercent discount_above_cap", "/lines/2/productId unknown_product"));
    }

    @Test
    void the_request_fingerprint_ignores_number_formatting_but_not_meaning() {
        Product p = product("10", "EUR");
        assertThat(request(line(p, 1, "5")).fingerprint()).isEqualTo(request(line(p, 1, "5.00")).fingerprint());
        assertThat(request(line(p, 1, "5")).fingerprint()).isNotEqualTo(request(line(p, 2, "5")).fingerprint());
    }

    @Test
    void money_knows_iso_currencies_only() {
        assertThat(Money.scaleOf("EUR")).contains(2);
        assertThat(Money.scaleOf("JPY")).contains(0);
        assertThat(Money.scaleOf("BHD")).contains(3);
        assertThat(Money.scaleOf("XAU")).as("gold has no fraction digits defined").isEmpty();
        assertThat(Money.scaleOf("eur")).isEmpty();
        assertThat(Money.scaleOf("ZZZ")).isEmpty();
    }
}
