package io.partnerportal.quotes.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of the price book.
 *
 * @param sku       stock keeping unit, unique ignoring case
 * @param listPrice price of one unit, at most the currency's decimals
 * @param currency  ISO 4217 code
 */
public record Product(UUID id, String sku, String name, BigDecimal listPrice, String currency, long version,
                      Instant createdAt, Instant updatedAt) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(listPrice, "listPrice");
        Objects.requireNonNull(currency, "currency");
        int scale = Money.scaleOf(currency).orElseThrow(() -> new IllegalArgumentException("not a currency: "
                + currency));
        listPrice = listPrice.setScale(scale, java.math.RoundingMode.UNNECESSARY);
    }

    public Product withDraft(ProductDraft draft, long newVersion, Instant at) {
        return new Product(id, draft.sku(), draft.name(), draft.listPrice(), draft.currency(), newVersion, createdAt,
                at);
    }
}
