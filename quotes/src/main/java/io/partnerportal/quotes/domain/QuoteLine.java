package io.partnerportal.quotes.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A priced line. The product's SKU, name and price are copied, so a quote keeps what was quoted when
 * the price book changes later.
 *
 * @param subtotal unit price × quantity, at the currency's scale
 * @param discount subtotal × discount %, at the currency's scale
 * @param total    subtotal − discount
 */
public record QuoteLine(int position, UUID productId, String sku, String name, int quantity, BigDecimal unitPrice,
                        BigDecimal discountPercent, BigDecimal subtotal, BigDecimal discount, BigDecimal total) {
}
