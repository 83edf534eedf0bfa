package io.partnerportal.experiences.domain.form;

import java.time.Instant;
import java.util.Map;

/**
 * A stored submission of a form by a contact, for its partner.
 *
 * @param values         the answers, normalised
 * @param idempotencyKey the client's {@code Idempotency-Key}, if it sent one
 * @param requestHash    a hash of the request, to tell a retry from a different request with the same key
 */
public record Submission(String id, String formId, String contactId, String partnerId, Map<String, Object> values,
                         String idempotencyKey, String requestHash, Instant createdAt) {

    public Submission {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
