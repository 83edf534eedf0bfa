package io.partnerportal.crm.demo.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A write-back the demo CRM applied, by its idempotency key; {@code duplicates} counts the deliveries of
 * the same key it acknowledged without applying them again.
 */
public record ReceivedWrite(String idempotencyKey, String object, String crmId, Map<String, Object> fields,
                            Instant receivedAt, int duplicates) {
}
