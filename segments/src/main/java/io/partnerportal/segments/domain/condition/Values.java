package io.partnerportal.segments.domain.condition;

/**
 * One partner's or contact's property values, as the evaluator reads them: {@code value("tier")}
 * for {@code partner.tier}. Values are typed Java objects:
 *
 * <table>
 *   <caption>Java type per property type</caption>
 *   <tr><th>string, url, user, enum</th><td>String</td></tr>
 *   <tr><th>number</th><td>BigDecimal (other Numbers are accepted and converted)</td></tr>
 *   <tr><th>boolean</th><td>Boolean</td></tr>
 *   <tr><th>date</th><td>LocalDate (an Instant / OffsetDateTime / ZonedDateTime counts as its UTC date)</td></tr>
 *   <tr><th>datetime</th><td>Instant (OffsetDateTime / ZonedDateTime converted; a LocalDate is the start of that UTC day)</td></tr>
 *   <tr><th>multi_enum</th><td>a Collection of option keys (a lone String counts as one key)</td></tr>
 * </table>
 *
 * Unset is {@code null}; an empty string, an empty collection and a value of another Java type
 * (a String for a number property, a NaN) count as unset too, so a bad row never makes a positive
 * operator true.
 */
public interface Values {

    /** The partner's or contact's id, for in_segment and for naming the deciding contact in explanations. */
    String id();

    /** The value of the property with this key (without the "partner." / "contact." prefix), or null. */
    Object value(String key);
}
