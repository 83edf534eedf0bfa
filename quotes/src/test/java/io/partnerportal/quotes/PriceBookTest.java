package io.partnerportal.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.partnerportal.quotes.QuotesFixture.line;
import static io.partnerportal.quotes.QuotesFixture.quote;
import static org.assertj.core.api.Assertions.assertThat;

/** The price book: products with a unique SKU, a list price and an ISO currency. */
@ScenarioTest
class PriceBookTest implements PortalTest {

    @Inject
    EmbeddedServer server;

    QuotesFixture f;

    @BeforeAll
    void setUp() {
        f = new QuotesFixture(new TestHttp(server.getURL()));
    }

    @Test
    void products_are_created_read_listed_replaced_and_deleted_with_an_audit_trail() {
        String id = f.product("PB-1", "Gateway", new BigDecimal("1200.50"), "EUR");
        JsonNode product = f.admin.get("/api/admin/quotes/products/" + id).expect(200).json();
        assertThat(product.get("sku").asText()).isEqualTo("PB-1");
        assertThat(product.get("listPrice").decimalValue()).isEqualByComparingTo("1200.50");
        assertThat(f.admin.get("/api/admin/quotes/products?q=gatew").json().get("total").asLong()).isEqualTo(1);

        long version = product.get("version").asLong();
        Map<String, Object> replacement = Map.of("sku", "PB-1", "name", "Gateway XL", "listPrice", 1500,
                "currency", "EUR", "version", version);
        JsonNode replaced = f.admin.put("/api/admin/quotes/products/" + id, replacement).expect(200).json();
        assertThat(replaced.get("version").asLong()).isEqualTo(version + 1);
        f.admin.put("/api/admin/quotes/products/" + id, replacement).problem(412);

        f.admin.delete("/api/admin/quotes/products/" + id).expect(204);
        f.admin.get("/api/admin/quotes/products/" + id).problem(404);
        f.admin.delete("/api/admin/quotes/products/" + id).problem(404);

        List<String> actions = new ArrayList<>();
        f.admin.get("/api/admin/audit?entityType=product&entityId=" + id).expect(200).json().get("items")
                .forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsExactly("deleted", "updated", "created");
    }

    @Test
    void a_sku_is_unique_ignoring_case() {
        f.product("DUP-1", "One", 10, "USD");
        JsonNode problem = f.admin.post("/api/admin/quotes/products", Map.of("sku", "dup-1", "name", "Two",
                "listPrice", 10, "currency", "USD")).problem(409);
        assertThat(problem.get("pointer").asText()).isEqualTo("/sku");
        String other = f.product("DUP-2", "Two", 10, "USD");
        long version = f.admin.get("/api/admin/quotes/products/" + other).json().get("version").asLong();
        f.admin.put("/api/admin/quotes/products/" + other, Map.of("sku", "Dup-1", "name", "Two", "listPrice", 10,
                "currency", "USD", "version", version)).problem(409);
    }

    @Test
    void bad_products_are_refused_with_every_error() {
        JsonNode problem = f.admin.post("/api/admin/quotes/products", Map.of("sku", "bad sku!", "name", "",
                "listPrice", new BigDecimal("1.005"), "currency", "EUR", "colour", "red")).problem(422);
        List<String> pointers = new ArrayList<>();
        problem.get("errors").forEach(e -> pointers.add(e.get("pointer").asText() + " " + e.get("code").asText()));
        assertThat(pointers).containsExactlyInAnyOrder("/sku invalid", "/name required", "/listPrice too_precise",
                "/colour unknown_field");
        f.admin.post("/api/admin/quotes/products", Map.of("sku", "X", "name", "X", "listPrice", -1, "currency",
                "EUR")).problem(422);
        f.admin.post("/api/admin/quotes/products", Map.of("sku", "X", "name", "X", "listPrice", 1, "currency",
                "XAU")).problem(422);
        f.admin.post("/api/admin/quotes/products", Map.of("sku", "X", "name", "X", "listPrice", new BigDecimal("1.5"),
                "currency", "JPY")).problem(422);
        f.admin.post("/api/admin/quotes/products", Map.of("sku", "X", "name", "X", "listPrice", new BigDecimal("1.005"),
                "currency", "BHD")).expect(201);
    }

    @Test
    void a_quote_keeps_what_it_quoted_when_the_price_book_changes() {
        String id = f.product("KEEP-1", "Keeper", 40, "EUR");
        String partner = f.partner("Keeper", Map.of());
        TestHttp rep = f.as(f.contact(partner, "rep@keeper.example", Map.of()));
        String quote = rep.post("/api/portal/quotes", quote(line(id, 2, null))).expect(201).text("/id");
        f.admin.delete("/api/admin/quotes/products/" + id).expect(204);
        JsonNode kept = rep.get("/api/portal/quotes/" + quote).expect(200).json();
        assertThat(kept.at("/lines/0/sku").asText()).isEqualTo("KEEP-1");
        assertThat(kept.get("total").decimalValue()).isEqualByComparingTo("80");
        rep.post("/api/portal/quotes", quote(line(id, 1, null))).problem(422);
    }
}
