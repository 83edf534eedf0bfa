package io.partnerportal.segments.domain.index;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interns ids to dense ints (0, 1, 2, ...) so per-record data lives in flat arrays. Lookups in both
 * directions are lock-free (bulk passes ask for millions of them); adding and removing is done by
 * one writer at a time. Freed ordinals are reused.
 */
public final class DenseIds {

    private final ConcurrentHashMap<UUID, Integer> ords = new ConcurrentHashMap<>();
    /** Ids by ordinal; replaced by a larger copy when full (readers keep the array they read). */
    private volatile UUID[] byOrd = new UUID[16];
    private volatile int capacity;
    private final ArrayDeque<Integer> free = new ArrayDeque<>();

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
        } else {
            ord = capacity;
            if (ord >= byOrd.length) {
                byOrd = Arrays.copyOf(byOrd, Math.max(16, byOrd.length + (byOrd.length >> 1)));
            }
            capacity = ord + 1;
        }
        byOrd[ord] = id;
        ords.put(id, ord);
        return ord;
    }

    /** Forgets an id; its ordinal is reused later. */
    public synchronized int remove(UUID id) {
        Integer ord = id == null ? null : ords.remove(id);
        if (ord == null) {
            return -1;
        }
        byOrd[ord] = null;
        free.push(ord);
        return ord;
    }

    public UUID idOf(int ord) {
        UUID[] ids = byOrd;
        return ord >= 0 && ord < ids.length && ord < capacity ? ids[ord] : null;
    }

    /** One more than the highest ordinal ever assigned (array sizes follow it). */
    public int capacity() {
        return capacity;
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
