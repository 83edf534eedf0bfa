package io.partnerportal.segments.application;

import io.partnerportal.segments.domain.condition.Population;
import io.partnerportal.segments.domain.condition.Values;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Some contacts of the value store (those one maintenance run evaluates) as a {@link Population}, so
 * a condition that reads only the records' own values ({@link
 * io.partnerportal.segments.domain.condition.CompiledCondition#readsOwnValuesOnly}) is decided for all
 * of them in one pass per column instead of record by record. Only the given contacts and their
 * partners are present; a partner this transaction changed is read with the values the run read from
 * the directory, the others straight from the store's columns.
 */
final class RunRecords implements Population {

    private final ValueStore.View view;
    private final LocalDate today;
    private final long[] partners;
    private final long[] contacts;
    /** Partners whose values differ from the store's (changed in this transaction), by ordinal. */
    private final Map<Integer, Values> changedPartners = new HashMap<>();
    private final Map<String, Object[]> partnerColumns = new HashMap<>();
    /**
     * Selections of comparisons made so far: the segments a partner-wide change re-evaluates share
     * many comparisons ({@code contact.role in [admin]} in dozens), decided once per run. Complete
     * records only: nothing is added after the first selection.
     */
    private final Map<Object, long[]> selections = new HashMap<>();

    RunRecords(ValueStore.View view, LocalDate today) {
        this.view = view;
        this.today = today;
        this.partners = new long[(view.partnerBound() + 63) >>> 6];
        this.contacts = new long[(view.contactBound() + 63) >>> 6];
    }

    /**
     * Adds a contact of the store (its ordinal) and its partner ({@code partnerValues} read by the run:
     * the store's own view, or the directory's when this transaction changed the partner).
     */
    void add(int contactOrd, int partnerOrd, Values partnerValues) {
        if (!selections.isEmpty()) {
            throw new IllegalStateException("records added after a selection was remembered");
        }
        contacts[contactOrd >>> 6] |= 1L << contactOrd;
        partners[partnerOrd >>> 6] |= 1L << partnerOrd;
        if (view.partnerOrd(partnerValues) != partnerOrd) {
            changedPartners.put(partnerOrd, partnerValues);
        }
    }

    @Override
    public long[] partners() {
        return partners;
    }

    @Override
    public long[] contacts() {
        return contacts;
    }

    @Override
    public int partnerOf(int contact) {
        return view.partnerOf(contact);
    }

    @Override
    public int[] contactsOf(int partner) {
        throw new IllegalStateException("any_contact / all_contacts need every contact of a partner");
    }

    @Override
    public Object[] partnerColumn(String key) {
        if (changedPartners.isEmpty()) {
            return view.partnerColumn(key);
        }
        return partnerColumns.computeIfAbsent(key, k -> {
            Object[] stored = view.partnerColumn(k);
            Object[] column = stored == null ? new Object[view.partnerBound()]
                    : Arrays.copyOf(stored, Math.max(stored.length, view.partnerBound()));
            changedPartners.forEach((ord, values) -> column[ord] = values.value(k));
            return column;
        });
    }

    @Override
    public Object[] contactColumn(String key) {
        return view.contactColumn(key);
    }

    @Override
    public long[] partnerMembers(String segmentId) {
        throw new IllegalStateException("in_segment is answered by the run, not by a population of some records");
    }

    @Override
    public long[] contactMembers(String segmentId) {
        throw new IllegalStateException("in_segment is answered by the run, not by a population of some records");
    }

    @Override
    public LocalDate today() {
        return today;
    }

    @Override
    public long[] selectOnce(Object key, Supplier<long[]> select) {
        long[] known = selections.get(key);
        if (known == null) {
            known = select.get();
            selections.put(key, known.clone()); // the caller may change its copy
            return known;
        }
        return known.clone();
    }
}
