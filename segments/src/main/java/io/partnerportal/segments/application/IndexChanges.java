package io.partnerportal.segments.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one transaction changed that the in-memory index (of every instance) must learn: members
 * joining or leaving, contacts placed at or removed from partners, partners added or removed,
 * segments to reload wholesale (bulk changes) or to drop. Written to {@code segments.index_log}
 * before commit and applied after commit, in commit order.
 */
final class IndexChanges {

    /**
     * Beyond this many member changes a segment is reloaded from the database instead of listed
     * (a partner with 10,000 contacts changing tier moves at most 10,000 per segment: listed).
     */
    static final int LIST_LIMIT = 50_000;

    final List<String[]> members = new ArrayList<>();
    final Map<String, String> contacts = new LinkedHashMap<>();
    final Map<String, Boolean> partners = new LinkedHashMap<>();
    final Map<String, String> reloadSegments = new LinkedHashMap<>();
    final Set<String> removedSegments = new LinkedHashSet<>();
    final Set<String> records = new LinkedHashSet<>();
    boolean reloadAll;

    // Read from the database before the changes are applied, so applying never waits for the database.
    /** Members of each reloaded segment. */
    final Map<String, Set<String>> reloadedMembers = new java.util.HashMap<>();
    /** Values of each changed record ("p:id"/"c:id"), null when it no longer exists. */
    final Map<String, RecordSnapshot> snapshots = new java.util.HashMap<>();
    boolean prefetched;
    /**
     * For this instance only (never written to the journal): the index computed by a bulk
     * recomputation, installed right after commit instead of reloading everything from the database.
     */
    Installation installation;

    /** What {@link AccessIndex#install} needs. */
    record Installation(java.util.Collection<io.partnerportal.segments.domain.segment.Segment> definitions,
                        ValueStore.View view, Map<String, long[]> members) {
    }

    /** A record's values and, for a contact, its partner. */
    record RecordSnapshot(Map<String, Object> values, String partnerId) {
    }

    void member(String segmentId, String memberId, boolean joined) {
        members.add(new String[]{segmentId, memberId, joined ? "1" : "0"});
    }

    /** @param partnerId the contact's partner, or null when the contact was deleted */
    void contact(String contactId, String partnerId) {
        contacts.put(contactId, partnerId);
    }

    void partner(String partnerId, boolean exists) {
        partners.put(partnerId, exists);
    }

    /** The segment (now at this level) is to be reloaded from its membership rows. */
    void reload(String segmentId, String level) {
        reloadSegments.put(segmentId, level);
        removedSegments.remove(segmentId);
    }

    void removed(String segmentId) {
        removedSegments.add(segmentId);
        reloadSegments.remove(segmentId);
    }

    /** A partner ("p:<id>") or contact ("c:<id>") whose values changed (any snapshot taken earlier is stale). */
    void record(String key) {
        records.add(key);
        snapshots.remove(key);
    }

    /** The record's values as they are now in this transaction, when already read (spares reading them again). */
    void snapshot(String key, RecordSnapshot snapshot) {
        snapshots.put(key, snapshot);
    }

    boolean isEmpty() {
        return !reloadAll && members.isEmpty() && contacts.isEmpty() && partners.isEmpty() && reloadSegments.isEmpty()
                && removedSegments.isEmpty() && records.isEmpty();
    }

    /** The JSON-like payload stored in the log. */
    Map<String, Object> toJson(String instance) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("instance", instance);
        // grouped by segment, joined and left ids in two lists: about 40 bytes per change
        Map<String, Map<String, List<String>>> grouped = new LinkedHashMap<>();
        for (String[] m : members) {
            grouped.computeIfAbsent(m[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent("1".equals(m[2]) ? "j" : "l", k -> new ArrayList<>()).add(m[1]);
        }
        json.put("members", grouped);
        json.put("contacts", contacts);
        json.put("partners", partners);
        json.put("reload", reloadSegments);
        json.put("removed", List.copyOf(removedSegments));
        json.put("records", List.copyOf(records));
        json.put("reloadAll", reloadAll);
        return json;
    }

    @SuppressWarnings("unchecked")
    static IndexChanges fromJson(Map<String, Object> json) {
        IndexChanges c = new IndexChanges();
        Object members = json.getOrDefault("members", Map.of());
        if (members instanceof Map<?, ?> grouped) {
            ((Map<String, Map<String, List<Object>>>) grouped).forEach((segment, lists) -> {
                lists.getOrDefault("j", List.of()).forEach(id -> c.members.add(new String[]{segment, (String) id, "1"}));
                lists.getOrDefault("l", List.of()).forEach(id -> c.members.add(new String[]{segment, (String) id, "0"}));
            });
        } else {
            for (Object m : (List<Object>) members) { // entries written before the grouped form
                List<Object> row = (List<Object>) m;
                c.members.add(new String[]{(String) row.get(0), (String) row.get(1), (String) row.get(2)});
            }
        }
        ((Map<String, Object>) json.getOrDefault("contacts", Map.of())).forEach((k, v) -> c.contacts.put(k, (String) v));
        ((Map<String, Object>) json.getOrDefault("partners", Map.of())).forEach((k, v) -> c.partners.put(k, (Boolean) v));
        ((Map<String, Object>) json.getOrDefault("reload", Map.of())).forEach((k, v) -> c.reloadSegments.put(k, (String) v));
        for (Object s : (List<Object>) json.getOrDefault("removed", List.of())) {
            c.removedSegments.add((String) s);
        }
        for (Object r : (List<Object>) json.getOrDefault("records", List.of())) {
            c.records.add((String) r);
        }
        c.reloadAll = Boolean.TRUE.equals(json.get("reloadAll"));
        return c;
    }
}
