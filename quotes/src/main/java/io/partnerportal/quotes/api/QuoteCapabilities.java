package io.partnerportal.quotes.api;

import java.math.BigDecimal;

/** May a contact create quotes, and with which maximum discount (for the portal's navigation, other modules). */
public interface QuoteCapabilities {

    Capabilities of(String contactId);

    /**
     * @param canCreateQuotes    the quote settings' audience admits the contact
     * @param maxDiscountPercent the highest cap among the contact's segments, else the default
     */
    record Capabilities(boolean canCreateQuotes, BigDecimal maxDiscountPercent) {
    }
}
