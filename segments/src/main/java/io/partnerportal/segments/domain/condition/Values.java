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

    /**
     * How the values are laid out when many records share one layout (a column store), or null. A
     * reader that looks up one key in many records resolves it once ({@link Layout#slotOf}) and then
     * reads {@link #valueAt} instead of looking the key up per record.
     */
    default Layout layout() {
        return null;
    }

    /** The value in a slot of {@link #layout()}: the same as {@link #value} of the slot's key. */
    default Object valueAt(int slot) {
        throw new UnsupportedOperationException("values without a layout are read by key");
    }

    /** Slots of keys, shared by the records of one store. A key keeps its slot for the layout's lifetime. */
    interface Layout {

        /** The key's slot, or -1 when no record of the layout has had the key so far. */
        int slotOf(String key);
    }
}
