package io.partnerportal.quotes.application;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.ForbiddenException;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.quotes.api.QuoteCapabilities;
import io.partnerportal.quotes.application.port.ProductStore;
import io.partnerportal.quotes.application.port.QuoteSettings;
import io.partnerportal.quotes.application.port.QuoteSettingsStore;
import io.partnerportal.quotes.application.port.QuoteStore;
import io.partnerportal.quotes.domain.DiscountPolicy;
import io.partnerportal.quotes.domain.Pricing;
import io.partnerportal.quotes.domain.Product;
import io.partnerportal.quotes.domain.Quote;
import io.partnerportal.quotes.domain.QuoteRequest;
import io.partnerportal.segments.api.SegmentAccess;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Quotes in the portal: may the contact create quotes (the settings' audience, asked of segments at
 * every call, so a tier upgrade counts at once), with which discount cap; creating a quote (priced
 * server-side, idempotent under an {@code Idempotency-Key}); reading the quotes of the contact's own
 * partner.
 */
@Singleton
public class QuoteDesk implements QuoteCapabilities {

    public static final int MAX_KEY_LENGTH = 200;

    private final QuoteSettingsStore settings;
    private final ProductStore products;
    private final QuoteStore quotes;
    private final SegmentAccess access;

    QuoteDesk(QuoteSettingsStore settings, ProductStore products, QuoteStore quotes, SegmentAccess access) {
        this.settings = settings;
        this.products = products;
        this.quotes = quotes;
        this.access = access;
    }

    @Override
    @Transactional
    public Capabilities of(String contactId) {
        QuoteSettings current = settings.get(false);
        return new Capabilities(access.isAdmitted(contactId, current.allowQuoteCreation()),
                discount(contactId, current.discountPolicy()).maxPercent());
    }

    /** The discount cap that applies to a contact, and the segment that set it. */
    @Transactional
    public DiscountPolicy.Applied discountOf(String contactId) {
        return discount(contactId, settings.get(false).discountPolicy());
    }

    /** A created (or, for a retried key, the earlier) quote. */
    public record Created(Quote quote, boolean replayed) {
    }

    @Transactional
    public Created create(UUID contactId, UUID partnerId, Map<String, Object> body, String idempotencyKey) {
        String key = key(idempotencyKey);
        QuoteSettings current = settings.get(false);
        if (!access.isAdmitted(contactId.toString(), current.allowQuoteCreation())) {
            throw new ForbiddenException("Quote creation is restricted: your account is not allowed to create quotes.");
        }
        List<FieldError> errors = new ArrayList<>();
        QuoteRequest request = QuoteRequest.parse(body, errors);
        BigDecimal maxDiscount = discount(contactId.toString(), current.discountPolicy()).maxPercent();
        if (!errors.isEmpty()) {
            Pricing.check(request, productsOf(request), maxDiscount, errors);
            throw new InvalidInputException(errors);
        }
        if (key != null) {
            quotes.lockIdempotencyKey(contactId, key);
            Optional<QuoteStore.Keyed> earlier = quotes.findByKey(contactId, key);
            if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(request.fingerprint())) {
                    throw InvalidInputException.parameter("Idempotency-Key", "idempotency_key_reused", "this "
                            + "Idempotency-Key was used for a different quote; use a new key for a new request");
                }
                return new Created(earlier.get().quote(), true);
            }
        }
        Pricing.Priced priced = Pricing.price(request, productsOf(request), maxDiscount);
        Quote quote = new Quote(UUID.randomUUID(), 0, partnerId, contactId, priced.currency(), priced.lines(),
                priced.subtotal(), priced.discountTotal(), priced.total(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        return new Created(quotes.insert(quote, key, request.fingerprint()), false);
    }

    @Transactional
    public Page<Quote> ofPartner(UUID partnerId, PageRequest page) {
        return quotes.ofPartner(partnerId, page);
    }

    /** A quote of the caller's partner; another partner's quote is answered as unknown. */
    @Transactional
    public Quote get(UUID partnerId, String quoteId) {
        return PriceBook.parse(quoteId).flatMap(quotes::find).filter(q -> q.partnerId().equals(partnerId))
                .orElseThrow(() -> NotFoundException.of("Quote", quoteId));
    }

    private Map<UUID, Product> productsOf(QuoteRequest request) {
        Map<UUID, Product> byId = new HashMap<>();
        products.findAll(Pricing.productIds(request)).forEach(p -> byId.put(p.id(), p));
        return byId;
    }

    private DiscountPolicy.Applied discount(String contactId, DiscountPolicy policy) {
        Set<String> segments = policy.caps().isEmpty() ? Set.of() : access.segmentsOfContact(contactId);
        return policy.forSegments(segments);
    }

    private static String key(String raw) {
        if (raw == null) {
            return null;
        }
        String key = raw.trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw InvalidInputException.parameter("Idempotency-Key", "invalid", "an Idempotency-Key has 1 to "
                    + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }
}
