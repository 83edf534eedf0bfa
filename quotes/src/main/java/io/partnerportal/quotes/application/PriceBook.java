package io.partnerportal.quotes.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConfigurationChanged;
import io.partnerportal.common.ConflictException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.StaleVersionException;
import io.partnerportal.common.jdbc.DuplicateKeyException;
import io.partnerportal.quotes.application.port.ProductStore;
import io.partnerportal.quotes.domain.Product;
import io.partnerportal.quotes.domain.ProductDraft;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The price book: products with a SKU (unique ignoring case), a name, a list price and a currency.
 * Every change is recorded in the audit log. Quotes copy what they quote, so editing or deleting a
 * product never changes an existing quote.
 */
@Singleton
public class PriceBook {

    private final ProductStore products;
    private final ApplicationEventPublisher<ConfigurationChanged> audit;

    PriceBook(ProductStore products, ApplicationEventPublisher<ConfigurationChanged> audit) {
        this.products = products;
        this.audit = audit;
    }

    @Transactional
    public Page<Product> list(String q, PageRequest page) {
        return products.list(q == null || q.isBlank() ? null : q.trim(), page);
    }

    @Transactional
    public Product get(String id) {
        return parse(id).flatMap(uuid -> products.find(uuid, false)).orElseThrow(() -> NotFoundException.of("Product", id));
    }

    @Transactional
    public Product create(Map<String, Object> body, Actor actor) {
        ProductDraft draft = ProductDraft.parse(body);
        requireFreeSku(draft.sku(), null);
        Instant now = now();
        Product product = new Product(UUID.randomUUID(), draft.sku(), draft.name(), draft.listPrice(), draft.currency(),
                1, now, now);
        try {
            products.insert(product);
        } catch (DuplicateKeyException e) {
            throw skuTaken(draft.sku());
        }
        audit.publishEvent(new ConfigurationChanged("product", product.id().toString(), product.name(), "created", null,
                snapshot(product), actor, now));
        return product;
    }

    @Transactional
    public Product replace(String id, Map<String, Object> body, Actor actor) {
        ProductDraft draft = ProductDraft.parse(body);
        Long expected = version(body.get("version"));
        Product current = parse(id).flatMap(uuid -> products.find(uuid, true))
                .orElseThrow(() -> NotFoundException.of("Product", id));
        if (expected == null) {
            throw io.partnerportal.common.InvalidInputException.of("/version", "required",
                    "version (a whole number, from GET) is required");
        }
        if (expected != current.version()) {
            throw new StaleVersionException("Product " + id, expected, current.version());
        }
        requireFreeSku(draft.sku(), current.id());
        Instant now = now();
        Product next = current.withDraft(draft, current.version() + 1, now);
        try {
            products.update(next);
        } catch (DuplicateKeyException e) {
            throw skuTaken(draft.sku());
        }
        audit.publishEvent(new ConfigurationChanged("product", id, next.name(), "updated", snapshot(current),
                snapshot(next), actor, now));
        return next;
    }

    @Transactional
    public void delete(String id, Actor actor) {
        Product current = parse(id).flatMap(uuid -> products.find(uuid, true))
                .orElseThrow(() -> NotFoundException.of("Product", id));
        products.delete(current.id());
        audit.publishEvent(new ConfigurationChanged("product", id, current.name(), "deleted", snapshot(current), null,
                actor, now()));
    }

    private void requireFreeSku(String sku, UUID self) {
        products.idBySku(sku).filter(owner -> !owner.equals(self)).ifPresent(owner -> {
            throw skuTaken(sku);
        });
    }

    private static ConflictException skuTaken(String sku) {
        return new ConflictException("A product with the SKU " + sku + " exists already.", Map.of("pointer", "/sku"));
    }

    private static Long version(Object raw) {
        return raw instanceof java.math.BigDecimal v && v.signum() >= 0 && v.stripTrailingZeros().scale() <= 0
                ? v.longValue() : null;
    }

    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Map<String, Object> snapshot(Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", p.sku());
        m.put("name", p.name());
        m.put("listPrice", p.listPrice());
        m.put("currency", p.currency());
        m.put("version", p.version());
        return m;
    }
}
