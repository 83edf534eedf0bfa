/**
 * The quoting rules in plain Java: the price book's products, money at the currency's scale,
 * discount caps (the highest cap among the contact's segments wins), and pricing a quote (totals in
 * {@code BigDecimal}, HALF_EVEN at the currency's scale).
 */
package io.partnerportal.quotes.domain;
