package io.partnerportal.crm.demo.domain;

/**
 * A failure the demo CRM fakes on its next deliveries, for tests and demos.
 * {@code REJECT}: the CRM refuses the write (like an HTTP 503), nothing is applied.
 * {@code LOSE_RESPONSE}: the CRM applies the write but the answer is lost (like a timeout), so the
 * portal retries a write that already happened — the idempotency key makes the retry harmless.
 */
public enum Fault {
    REJECT, LOSE_RESPONSE;

    public String jsonName() {
        return name().toLowerCase();
    }

    public static Fault fromJson(String name) {
        for (Fault f : values()) {
            if (f.jsonName().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown fault " + name);
    }
}
