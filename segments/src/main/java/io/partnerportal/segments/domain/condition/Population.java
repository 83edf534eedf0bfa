package io.partnerportal.segments.domain.condition;

import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * Every partner and contact at once, column by column, for evaluating a condition over all of them
 * in one pass ({@link CompiledCondition#select}): records are numbered by ordinals, a property's
 * values are one array indexed by ordinal, and results are bitsets (bit {@code i} of word
 * {@code i >>> 6}) over partner or contact ordinals.
 */
public interface Population {

    /** Partners present, as bits over partner ordinals (shared: callers copy before changing it). */
    long[] partners();

    /** Contacts present with a present partner, as bits over contact ordinals (shared, see above). */
    long[] contacts();

    /** The partner ordinal of a present contact. */
    int partnerOf(int contact);

    /** The contact ordinals of a partner. */
    int[] contactsOf(int partner);

    /** A partner property's values by partner ordinal (raw, as {@link Values} gives them; null when unset), or null. */
    Object[] partnerColumn(String key);

    /** A contact property's values by contact ordinal, or null. */
    Object[] contactColumn(String key);

    /** Members of a partner-level segment as bits over partner ordinals, or null when it has none. */
    long[] partnerMembers(String segmentId);

    /** Members of a contact-level segment as bits over contact ordinals, or null when it has none. */
    long[] contactMembers(String segmentId);

    /** The current UTC date, for relative dates. */
    LocalDate today();

    /**
     * A selection over this population, made by {@code select} or remembered from an earlier call
     * with an equal key (equal comparisons in many conditions decided over one population are then
     * decided once). Always a new array, as {@link CompiledCondition#select} promises. By default
     * nothing is remembered.
     */
    default long[] selectOnce(Object key, Supplier<long[]> select) {
        return select.get();
    }
}
