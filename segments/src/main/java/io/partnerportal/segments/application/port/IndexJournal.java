package io.partnerportal.segments.application.port;

import java.util.List;
import java.util.Map;

/** The commit-ordered journal that keeps every instance's in-memory index in step. */
public interface IndexJournal {

    /** One journal entry: its sequence number and payload. */
    record Entry(long seq, Map<String, Object> payload) {
    }

    /**
     * Appends an entry inside the current transaction and announces it (NOTIFY at commit).
     * Sequence numbers have no gaps and follow commit order.
     */
    long append(Map<String, Object> payload);

    /** Entries after {@code seq}, in order, at most {@code limit}. */
    List<Entry> after(long seq, int limit);

    /** The highest committed sequence number. */
    long latest();

    /** The lowest sequence number still kept (older entries are pruned). */
    long oldest();

    /** Deletes entries older than the given number of hours. */
    int prune(int hours);
}
