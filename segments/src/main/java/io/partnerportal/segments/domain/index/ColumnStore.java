package io.partnerportal.segments.domain.index;

import io.partnerportal.segments.domain.condition.Values;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Property values of many records in columns: one {@code Object[]} per property key, indexed by
 * the record's dense ordinal, with repeated values shared (an enum column of a million rows holds
 * a handful of distinct objects). Records are read through {@link Values} views without copying.
 * One writer at a time; readers see a consistent column per lookup.
 * <p>
 * The same references are also kept by record ({@link #rows}): a record read by slot — a contact
 * evaluated against every segment reads all its properties — touches one array of consecutive
 * cache lines instead of one line in each of sixty columns. Bulk passes read the columns. Costs 4
 * bytes per value slot plus an array header per record; a record's row is replaced whole on
 * {@link #put}, so a reader sees its values of before or after a change, never a mix.
 */
public final class ColumnStore implements Values.Layout {

    private static final java.lang.invoke.VarHandle ROW = java.lang.invoke.MethodHandles
            .arrayElementVarHandle(Object[][].class);

    /** Stop sharing new values beyond this many distinct ones (keeps the canonical map bounded). */
    private static final int MAX_CANONICAL = 2_000_000;

    private final DenseIds ids = new DenseIds();
    private final Map<String, Object[]> columns = new ConcurrentHashMap<>();
    /** Each key's slot: the position of its column in {@link #bySlot}, never reused (see {@link Values.Layout}). */
    private final Map<String, Integer> slots = new ConcurrentHashMap<>();
    /** The columns by slot, replaced as a whole when a column is added or grown. */
    private volatile Object[][] bySlot = new Object[0][];
    /** Each record's values by slot (null: no record; shorter than the slots: the rest unset). */
    private volatile Object[][] rows = new Object[0][];
    private final Map<Object, Object> canonical = new HashMap<>();
    private volatile int capacity = 0;

    public int ordOf(String id) {
        return ids.ordOf(id);
    }

    public int ordOf(UUID id) {
        return ids.ordOf(id);
    }

    /** The ordinal of a record view of this store, or -1 for any other {@link Values}. */
    public int ordinalOf(Values values) {
        return values instanceof Row row && row.store == this ? row.ord : -1;
    }

    public UUID idOf(int ord) {
        return ids.idOf(ord);
    }

    public int size() {
        return ids.size();
    }

    /** Upper bound of ordinals in use (iterate 0..bound and skip absent rows). */
    public int bound() {
        return ids.capacity();
    }

    /** Replaces a record's values: every key not in {@code values} becomes unset. */
    public synchronized int put(UUID id, Map<String, Object> values) {
        int known = ids.size();
        int ord = ids.add(id);
        ensure(ord + 1);
        if (ids.size() == known) {
            // a record replaced: keys it no longer has become unset (a new record's slots are all unset already:
            // columns start empty and remove() clears a freed ordinal's)
            for (Map.Entry<String, Object[]> column : columns.entrySet()) {
                if (!values.containsKey(column.getKey())) {
                    column.getValue()[ord] = null;
                }
            }
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object[] column = columns.get(e.getKey());
            if (column == null) {
                column = new Object[capacity];
                Object[][] grown = Arrays.copyOf(bySlot, bySlot.length + 1);
                grown[grown.length - 1] = column;
                columns.put(e.getKey(), column);
                bySlot = grown;
                slots.put(e.getKey(), grown.length - 1);
            }
            column[ord] = share(e.getValue());
        }
        Object[] row = new Object[bySlot.length];
        for (Map.Entry<String, Object> e : values.entrySet()) {
            int slot = slots.get(e.getKey());
            row[slot] = bySlot[slot][ord];
        }
        ROW.setRelease(rows, ord, row); // readers that see the row see its values
        return ord;
    }

    @Override
    public int slotOf(String key) {
        Integer slot = slots.get(key);
        return slot == null ? -1 : slot;
    }

    /** The value of a key's column by slot (see {@link #slotOf}), from the record's row. */
    public Object valueAt(int ord, int slot) {
        Object[][] all = rows;
        Object[] row = ord >= 0 && ord < all.length ? (Object[]) ROW.getAcquire(all, ord) : null;
        return row == null || slot < 0 || slot >= row.length ? null : row[slot];
    }

    public synchronized void remove(UUID id) {
        int ord = ids.remove(id);
        if (ord >= 0) {
            for (Object[] column : columns.values()) {
                column[ord] = null;
            }
            rows[ord] = null;
        }
    }

    public boolean contains(int ord) {
        return ids.contains(ord);
    }

    /** A property's values by ordinal (the live array: read it, never write it), or null when none is set. */
    public Object[] column(String key) {
        return columns.get(key);
    }

    public Object value(int ord, String key) {
        Object[] column = columns.get(key);
        return column == null || ord >= column.length ? null : column[ord];
    }

    /** A view of one record for condition evaluation. */
    public Values view(int ord) {
        return new Row(this, ord);
    }

    /** Calls the consumer with a view of every record. */
    public void forEach(Consumer<Values> consumer) {
        int bound = bound();
        for (int ord = 0; ord < bound; ord++) {
            if (contains(ord)) {
                consumer.accept(view(ord));
            }
        }
    }

    /** Whether any record holds the value (for a multi-valued property: contains it). */
    public boolean anyHas(String key, Object value) {
        Object[] column = columns.get(key);
        if (column == null) {
            return false;
        }
        for (Object v : column) {
            if (v != null && (v.equals(value) || v instanceof java.util.Collection<?> c && c.contains(value)
                    || v instanceof java.math.BigDecimal d && value instanceof java.math.BigDecimal x
                    && d.compareTo(x) == 0)) {
                return true;
            }
        }
        return false;
    }

    /** Approximate bytes held by the columns' and rows' slots (shared value objects not counted). */
    public long slotBytes() {
        long rowBytes = 4L * capacity;
        for (Object[] row : rows) {
            rowBytes += row == null ? 0 : 16 + 4L * row.length;
        }
        return (long) columns.size() * capacity * 4L + rowBytes;
    }

    private void ensure(int records) {
        if (records <= capacity) {
            return;
        }
        int grown = Math.max(records, capacity + (capacity >> 1) + 1024);
        Object[][] all = new Object[bySlot.length][];
        for (Map.Entry<String, Object[]> column : columns.entrySet()) {
            Object[] copy = Arrays.copyOf(column.getValue(), grown);
            column.setValue(copy);
            all[slots.get(column.getKey())] = copy;
        }
        bySlot = all;
        rows = Arrays.copyOf(rows, grown);
        capacity = grown;
    }

    private Object share(Object value) {
        if (value == null) {
            return null;
        }
        Object shared = canonical.get(value);
        if (shared != null) {
            return shared;
        }
        if (canonical.size() < MAX_CANONICAL) {
            canonical.put(value, value);
        }
        return value;
    }

    /** A record of the store as condition values. */
    private record Row(ColumnStore store, int ord) implements Values {
        @Override
        public String id() {
            UUID id = store.idOf(ord);
            return id == null ? null : id.toString();
        }

        @Override
        public Object value(String key) {
            return store.value(ord, key);
        }

        @Override
        public Layout layout() {
            return store;
        }

        @Override
        public Object valueAt(int slot) {
            return store.valueAt(ord, slot);
        }
    }
}
