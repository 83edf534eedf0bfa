package io.partnerportal.quotes.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.quotes.application.port.QuoteSettings;
import io.partnerportal.quotes.domain.Product;
import io.partnerportal.quotes.domain.Quote;
import io.partnerportal.quotes.domain.QuoteLine;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The quotes API's JSON shapes. */
final class QuoteJson {

    private QuoteJson() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SettingsJson(
            @Schema(description = "who may create quotes: {\"type\":\"everyone\"} or {\"type\":\"segments\","
                    + "\"segmentIds\":[...]}") Map<String, Object> allowQuoteCreation,
            @Schema(description = "the cap of contacts in none of the capped segments (0 unless set)")
            BigDecimal defaultMaxDiscountPercent,
            @Schema(description = "per-segment caps; the highest cap among the contact's segments wins")
            List<CapJson> discountCaps,
            @Schema(description = "send it back with a change; stale → 412") long version,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) Instant updatedAt) {

        static SettingsJson of(QuoteSettings s) {
            return new SettingsJson(s.allowQuoteCreation().toJson(), normal(s.defaultMaxDiscountPercent()),
                    s.discountCaps().stream().map(c -> new CapJson(c.segmentId(), normal(c.maxDiscountPercent())))
                            .toList(), s.version(), s.updatedAt());
        }
    }

    @Serdeable
    record CapJson(String segmentId, BigDecimal maxDiscountPercent) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ProductJson(@Schema(accessMode = Schema.AccessMode.READ_ONLY) String id, String sku, String name,
                       @Schema(description = "price of one unit, at most the currency's decimals") BigDecimal listPrice,
                       @Schema(description = "ISO 4217 code", example = "EUR") String currency,
                       @Schema(description = "send it back with a change; stale → 412") long version,
                       @Schema(accessMode = Schema.AccessMode.READ_ONLY) Instant createdAt,
                       @Schema(accessMode = Schema.AccessMode.READ_ONLY) Instant updatedAt) {

        static ProductJson of(Product p) {
            return new ProductJson(p.id().toString(), p.sku(), p.name(), p.listPrice(), p.currency(), p.version(),
                    p.createdAt(), p.updatedAt());
        }
    }

    @Serdeable
    record CapabilitiesJson(boolean canCreateQuotes, BigDecimal maxDiscountPercent) {
    }

    @Serdeable
    record QuoteRequestJson(List<LineRequestJson> lines) {
    }

    @Serdeable
    record LineRequestJson(String productId, int quantity,
                           @Schema(description = "0 to 100, at most 2 decimals; default 0") BigDecimal discountPercent) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record QuoteResponse(String id, long number, String partnerId, String createdBy, String currency,
                         List<LineJson> lines, BigDecimal subtotal, BigDecimal discountTotal, BigDecimal total,
                         Instant createdAt) {

        static QuoteResponse of(Quote q) {
            return new QuoteResponse(q.id().toString(), q.number(), q.partnerId().toString(), q.contactId().toString(),
                    q.currency(), q.lines().stream().map(LineJson::of).toList(), q.subtotal(), q.discountTotal(),
                    q.total(), q.createdAt());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LineJson(String productId, String sku, String name, int quantity, BigDecimal unitPrice,
                    BigDecimal discountPercent, BigDecimal subtotal, BigDecimal discount, BigDecimal total) {

        static LineJson of(QuoteLine l) {
            return new LineJson(l.productId().toString(), l.sku(), l.name(), l.quantity(), l.unitPrice(),
                    l.discountPercent(), l.subtotal(), l.discount(), l.total());
        }
    }

    static BigDecimal normal(BigDecimal percent) {
        return percent.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
