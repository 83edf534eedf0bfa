package io.partnerportal.quotes.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.web.Actors;
import io.partnerportal.quotes.adapter.web.QuoteJson.ProductJson;
import io.partnerportal.quotes.adapter.web.QuoteJson.SettingsJson;
import io.partnerportal.quotes.application.PriceBook;
import io.partnerportal.quotes.application.QuoteSettingsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.Map;

/** The admin side of quotes: who may create them, discount caps, and the price book. */
@Controller("/api/admin/quotes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Quotes")
class QuoteAdminController {

    private final QuoteSettingsService settings;
    private final PriceBook priceBook;

    QuoteAdminController(QuoteSettingsService settings, PriceBook priceBook) {
        this.settings = settings;
        this.priceBook = priceBook;
    }

    @Get("/settings")
    @Operation(summary = "Quote settings", description = "Who may create quotes (an audience), the default maximum "
            + "discount and per-segment caps.")
    SettingsJson getSettings() {
        return SettingsJson.of(settings.get());
    }

    @Put("/settings")
    @Operation(summary = "Replace the quote settings", description = "`allowQuoteCreation` is an audience "
            + "(unknown segment → 422 at /allowQuoteCreation/segmentIds/i); `defaultMaxDiscountPercent` 0–100 (0 when "
            + "absent); `discountCaps` [{segmentId, maxDiscountPercent}]: a contact gets the highest cap among its "
            + "segments, else the default. The body carries the version read (stale → 412). Recorded in the audit log.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SettingsJson.class)))
    SettingsJson putSettings(@Body JsonNode body, Authentication auth) {
        return SettingsJson.of(settings.replace(object(body), Actors.of(auth)));
    }

    @Get("/products")
    @Operation(summary = "The price book", description = "Paged (`page`, `size` ≤ 500), by name; `q` searches SKU "
            + "and name.")
    Page<ProductJson> products(@Nullable @QueryValue String q, @Nullable @QueryValue Integer page,
                               @Nullable @QueryValue Integer size) {
        return priceBook.list(q, PageRequest.of(page, size)).map(ProductJson::of);
    }

    @Post("/products")
    @Operation(summary = "Add a product", description = "SKU unique ignoring case (409); list price ≥ 0 with at most "
            + "the currency's decimals; currency an ISO 4217 code.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ProductJson.class)))
    HttpResponse<ProductJson> create(@Body JsonNode body, Authentication auth) {
        ProductJson created = ProductJson.of(priceBook.create(object(body), Actors.of(auth)));
        return HttpResponse.created(created, URI.create("/api/admin/quotes/products/" + created.id()));
    }

    @Get("/products/{id}")
    @Operation(summary = "A product")
    ProductJson product(String id) {
        return ProductJson.of(priceBook.get(id));
    }

    @Put("/products/{id}")
    @Operation(summary = "Replace a product", description = "With the version read (stale → 412). Existing quotes "
            + "keep what they quoted.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ProductJson.class)))
    ProductJson replace(String id, @Body JsonNode body, Authentication auth) {
        return ProductJson.of(priceBook.replace(id, object(body), Actors.of(auth)));
    }

    @Delete("/products/{id}")
    @Operation(summary = "Remove a product", description = "Existing quotes keep their lines.")
    HttpResponse<Void> delete(String id, Authentication auth) {
        priceBook.delete(id, Actors.of(auth));
        return HttpResponse.noContent();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(JsonNode body) {
        Object plain = io.partnerportal.common.web.JsonBody.toPlain(body);
        if (!(plain instanceof Map<?, ?>)) {
            throw io.partnerportal.common.InvalidInputException.of("", "wrong_value_type",
                    "the request body must be a JSON object");
        }
        return (Map<String, Object>) plain;
    }
}
