package io.partnerportal.quotes.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.identity.api.PortalContact;
import io.partnerportal.quotes.adapter.web.QuoteJson.CapabilitiesJson;
import io.partnerportal.quotes.adapter.web.QuoteJson.QuoteResponse;
import io.partnerportal.quotes.api.QuoteCapabilities;
import io.partnerportal.quotes.application.QuoteDesk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * Quotes for the logged-in contact: its capabilities, creating quotes and reading its own partner's
 * quotes. The contact and partner come from the token and the directory, never from the URL.
 */
@Controller("/api/portal/quotes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Portal")
class PortalQuotesController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final QuoteDesk desk;

    PortalQuotesController(QuoteDesk desk) {
        this.desk = desk;
    }

    @Get("/capabilities")
    @Operation(summary = "May I create quotes, and with which maximum discount", description = "Decided at every "
            + "call by the quote settings' audience, so a change of the partner's data counts at once.")
    CapabilitiesJson capabilities(@Parameter(hidden = true) PortalContact caller) {
        QuoteCapabilities.Capabilities c = desk.of(caller.contactId());
        return new CapabilitiesJson(c.canCreateQuotes(), QuoteJson.normal(c.maxDiscountPercent()));
    }

    @Post
    @Operation(summary = "Create a quote", description = "Lines: product × quantity × discount %, one currency per "
            + "quote; totals computed here (HALF_EVEN at the currency's scale). 403 when quote creation is restricted "
            + "for this contact; 422 for an unknown product, a quantity ≤ 0, a discount above the contact's cap or "
            + "mixed currencies. With an `Idempotency-Key`, a retry of the same request answers the same quote "
            + "(header `Idempotent-Replayed: true`) and the same key with another request is a 422.")
    @RequestBody(content = @Content(schema = @Schema(implementation = QuoteJson.QuoteRequestJson.class)))
    HttpResponse<QuoteResponse> create(@Parameter(hidden = true) PortalContact caller, @Body JsonNode body,
                                       @Nullable @Header(IDEMPOTENCY_KEY) String idempotencyKey) {
        QuoteDesk.Created created = desk.create(UUID.fromString(caller.contactId()), UUID.fromString(caller.partnerId()),
                QuoteAdminController.object(body), idempotencyKey);
        QuoteResponse quote = QuoteResponse.of(created.quote());
        MutableHttpResponse<QuoteResponse> response = HttpResponse.created(quote, URI.create("/api/portal/quotes/" + quote.id()));
        return created.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    @Get
    @Operation(summary = "My company's quotes", description = "Quotes of the contact's own partner, newest first, "
            + "paged (`page`, `size` ≤ 500).")
    Page<QuoteResponse> list(@Parameter(hidden = true) PortalContact caller, @Nullable @QueryValue Integer page,
                             @Nullable @QueryValue Integer size) {
        return desk.ofPartner(UUID.fromString(caller.partnerId()), PageRequest.of(page, size)).map(QuoteResponse::of);
    }

    @Get("/{id}")
    @Operation(summary = "One of my company's quotes", description = "Another partner's quote is a 404.")
    QuoteResponse get(@Parameter(hidden = true) PortalContact caller, String id) {
        return QuoteResponse.of(desk.get(UUID.fromString(caller.partnerId()), id));
    }
}
