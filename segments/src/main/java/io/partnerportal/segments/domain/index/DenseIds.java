package io.partnerportal.segments.domain.index;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interns ids to dense ints (0, 1, 2, ...) so per-record data lives in flat arrays. Lookups are
 * thread-safe; adding is done by one writer at a time (the index's writer lock). Freed ordinals
 * are reused.
 */
public final class DenseIds {

    private final ConcurrentHashMap<UUID, Integer> ords = new ConcurrentHashMap<>();
    private final List<UUID> ids = new ArrayList<>();
    private final java.util.ArrayDeque<Integer> free = new java.util.ArrayDeque<>();

    /** The ordinal of an id, or -1. */
    public int ordOf(UUID id) {
        Integer ord = id == null ? null : ords.get(id);
        return ord == null ? -1 : ord;
    }

    /** The ordinal of an id given as text, or -1 (also for text that is not a UUID). */
    public int ordOf(String id) {
        UUID uuid = parse(id);
        return uuid == null ? -1 : ordOf(uuid);
    }

    /** The id's ordinal, assigning the next free one when new. */
    public synchronized int add(UUID id) {
        Integer existing = ords.get(id);
        if (existing != null) {
            return existing;
        }
        int ord;
        if (!free.isEmpty()) {
            ord = free.pop();
            ids.set(ord, id);
        } else {
            ord = ids.size();
            ids.add(id);
        }
        ords.put(id, ord);
        return ord;
    }

    /** Forgets an id; its ordinal is reused later. */
    public synchronized int remove(UUID id) {
        Integer ord = ords.remove(id);
        if (ord == null) {
            return -1;
        }
        ids.set(ord, null);
        free.push(ord);
        return ord;
    }

    public synchronized UUID idOf(int ord) {
        return ord >= 0 && ord < ids.size() ? ids.get(ord) : null;
    }

    /** One more than the highest ordinal ever assigned (array sizes follow it). */
    public synchronized int capacity() {
        return ids.size();
    }

    public int size() {
        return ords.size();
    }

    public static UUID parse(String id) {
        if (id == null || id.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
