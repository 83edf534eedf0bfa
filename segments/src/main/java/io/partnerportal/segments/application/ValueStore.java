package io.partnerportal.segments.application;

import io.partnerportal.segments.application.port.Directory;
import io.partnerportal.segments.domain.condition.Scope;
import io.partnerportal.segments.domain.condition.Values;
import io.partnerportal.segments.domain.index.ColumnStore;
import io.partnerportal.segments.domain.index.DenseIds;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A compact in-memory copy of every partner's and contact's property values, for work over all
 * records at once (segment previews, creating or editing a segment, recomputation), which then
 * needs no pass over the database. Kept current from the same commit-ordered journal as the access
 * index; single-record maintenance inside a writer's transaction still reads the database.
 */
@Singleton
public class ValueStore {

    private static final Logger LOG = LoggerFactory.getLogger(ValueStore.class);

    private final Directory directory;
    private volatile ColumnStore partners = new ColumnStore();
    private volatile ColumnStore contacts = new ColumnStore();
    private volatile int[] contactPartner = new int[0];
    private volatile boolean ready;

    ValueStore(Directory directory) {
        this.directory = directory;
    }

    public boolean ready() {
        return ready;
    }

    /** Copies every record from the directory (inside the caller's read transaction). */
    synchronized void load() {
        long started = System.nanoTime();
        ready = false;
        ColumnStore p = new ColumnStore();
        ColumnStore c = new ColumnStore();
        List<String> partnerKeys = directory.keys(Scope.PARTNER);
        List<String> contactKeys = directory.keys(Scope.CONTACT);
        directory.forEachPartner(v -> p.put(UUID.fromString(v.id()), copy(v, partnerKeys)));
        List<int[]> links = new ArrayList<>();
        directory.forEachContact((v, partnerId) -> {
            int ord = c.put(UUID.fromString(v.id()), copy(v, contactKeys));
            links.add(new int[]{ord, p.ordOf(partnerId)});
        });
        int[] cp = new int[Math.max(16, c.bound())];
        Arrays.fill(cp, -1);
        for (int[] link : links) {
            cp[link[0]] = link[1];
        }
        partners = p;
        contacts = c;
        contactPartner = cp;
        ready = true;
        LOG.info("Value store loaded: {} partners, {} contacts, ~{} MiB of slots in {} ms", p.size(), c.size(),
                (p.slotBytes() + c.slotBytes()) >> 20, (System.nanoTime() - started) / 1_000_000);
    }

    /** Reads the current values of changed records ("p:&lt;id&gt;", "c:&lt;id&gt;"), in the caller's transaction. */
    Map<String, IndexChanges.RecordSnapshot> snapshot(Collection<String> records) {
        Map<String, IndexChanges.RecordSnapshot> out = new HashMap<>();
        List<String> partnerIds = new ArrayList<>();
        List<String> contactIds = new ArrayList<>();
        for (String r : records) {
            (r.startsWith("p:") ? partnerIds : contactIds).add(r.substring(2));
            out.put(r, null);
        }
        if (!partnerIds.isEmpty()) {
            List<String> keys = directory.keys(Scope.PARTNER);
            directory.partners(partnerIds).forEach(v -> out.put("p:" + v.id(),
                    new IndexChanges.RecordSnapshot(copy(v, keys), v.id())));
        }
        if (!contactIds.isEmpty()) {
            List<String> keys = directory.keys(Scope.CONTACT);
            for (Values v : directory.contacts(contactIds)) {
                out.put("c:" + v.id(), new IndexChanges.RecordSnapshot(copy(v, keys),
                        directory.partnerOf(v.id()).orElse(null)));
            }
        }
        return out;
    }

    /** Applies record snapshots (null: the record is gone). */
    synchronized void apply(Map<String, IndexChanges.RecordSnapshot> snapshots) {
        if (!ready) {
            return;
        }
        // partners first: a contact of a partner created in the same transaction links to it
        List<Map.Entry<String, IndexChanges.RecordSnapshot>> ordered = new ArrayList<>(snapshots.entrySet());
        ordered.sort((a, b) -> Boolean.compare(!a.getKey().startsWith("p:"), !b.getKey().startsWith("p:")));
        for (Map.Entry<String, IndexChanges.RecordSnapshot> e : ordered) {
            String id = e.getKey().substring(2);
            IndexChanges.RecordSnapshot snapshot = e.getValue();
            if (e.getKey().startsWith("p:")) {
                if (snapshot == null) {
                    partners.remove(DenseIds.parse(id));
                } else {
                    partners.put(UUID.fromString(id), snapshot.values());
                }
                continue;
            }
            if (snapshot == null) {
                contacts.remove(DenseIds.parse(id));
                continue;
            }
            int ord = contacts.put(UUID.fromString(id), snapshot.values());
            int[] cp = contactPartner;
            if (ord >= cp.length) {
                int old = cp.length;
                cp = Arrays.copyOf(cp, Math.max(ord + 1, old * 3 / 2 + 16));
                Arrays.fill(cp, old, cp.length, -1);
            }
            cp[ord] = snapshot.partnerId() == null ? -1 : partners.ordOf(snapshot.partnerId());
            contactPartner = cp;
        }
    }

    /** Every partner, as condition values. */
    public void forEachPartner(Consumer<Values> consumer) {
        partners.forEach(consumer);
    }

    /** Every contact with its partner, as condition values (contacts without a known partner are skipped). */
    public void forEachContact(BiConsumer<Values, Values> consumer) {
        ColumnStore c = contacts;
        ColumnStore p = partners;
        int[] cp = contactPartner;
        int bound = c.bound();
        for (int ord = 0; ord < bound; ord++) {
            if (c.contains(ord) && ord < cp.length && cp[ord] >= 0 && p.contains(cp[ord])) {
                consumer.accept(c.view(ord), p.view(cp[ord]));
            }
        }
    }

    /** Contacts grouped by partner id (for any_contact / all_contacts over every partner). */
    public Map<String, List<Values>> contactsByPartner() {
        Map<String, List<Values>> grouped = new HashMap<>();
        forEachContact((contact, partner) -> grouped.computeIfAbsent(partner.id(), k -> new ArrayList<>()).add(contact));
        return grouped;
    }

    /** Whether any record of the scope has the value (lint: "a value no record currently has"). */
    public boolean anyHas(Scope scope, String key, Object value) {
        return (scope == Scope.PARTNER ? partners : contacts).anyHas(key, value);
    }

    private static Map<String, Object> copy(Values v, List<String> keys) {
        Map<String, Object> values = new HashMap<>();
        for (String key : keys) {
            Object value = v.value(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }
}
