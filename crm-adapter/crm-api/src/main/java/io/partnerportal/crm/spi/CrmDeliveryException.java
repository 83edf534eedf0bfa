package io.partnerportal.crm.spi;

/**
 * A write-back the CRM did not confirm. Retryable failures (timeouts, 429, 5xx, a locked record) are
 * tried again with exponential backoff; the others (unknown record, read-only field) fail at once and
 * wait for an admin.
 */
public class CrmDeliveryException extends RuntimeException {

    private final boolean retryable;

    public CrmDeliveryException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
