package io.partnerportal.quotes.application.port;

import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.quotes.domain.Quote;

import java.util.Optional;
import java.util.UUID;

/** Where quotes are kept, with the idempotency keys they were created under. */
public interface QuoteStore {

    /** Serialises requests of one contact under one key until the transaction ends. */
    void lockIdempotencyKey(UUID contactId, String key);

    /** The quote a contact created under a key, with the request's fingerprint. */
    Optional<Keyed> findByKey(UUID contactId, String key);

    /** Inserts the quote (its number is assigned here) and answers it. */
    Quote insert(Quote quote, String idempotencyKey, String fingerprint);

    Optional<Quote> find(UUID id);

    Page<Quote> ofPartner(UUID partnerId, PageRequest page);

    record Keyed(Quote quote, String fingerprint) {
    }
}
