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
    /**
     * The stores and the links between their records, published as one: readers take it without a
     * lock ({@link #view}), so an evaluation never waits for a bulk change being applied, and a reload
     * replaces everything at once (a reader never pairs one load's partners with another's contacts).
     * Applying changes mutates the stores and the link arrays in place and publishes a new view only
     * when a link array is reallocated.
     */
    private volatile View current = new View(new ColumnStore(), new ColumnStore(), new int[0], new int[0][]);
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
        directory.forEachPartner(v -> p.put(UUID.fromString(v.id()), directory.allValues(v)));
        List<int[]> links = new ArrayList<>();
        directory.forEachContact((v, partnerId) -> {
            int ord = c.put(UUID.fromString(v.id()), directory.allValues(v));
            links.add(new int[]{ord, p.ordOf(partnerId)});
        });
        int[] cp = new int[Math.max(16, c.bound())];
        Arrays.fill(cp, -1);
        for (int[] link : links) {
            cp[link[0]] = link[1];
        }
        current = new View(p, c, cp, group(cp, c, p.bound()));
        ready = true;
        LOG.info("Value store loaded: {} partners, {} contacts, ~{} MiB of slots in {} ms", p.size(), c.size(),
                (p.slotBytes() + c.slotBytes()) >> 20, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Reads the current values of changed records ("p:&lt;id&gt;", "c:&lt;id&gt;") in the caller's
     * transaction: one read per kind of record.
     */
    Map<String, IndexChanges.RecordSnapshot> snapshot(Collection<String> records) {
        Map<String, IndexChanges.RecordSnapshot> out = new HashMap<>();
        List<String> partnerIds = new ArrayList<>();
        List<String> contactIds = new ArrayList<>();
        for (String r : records) {
            (r.startsWith("p:") ? partnerIds : contactIds).add(r.substring(2));
            out.put(r, null);
        }
        if (!partnerIds.isEmpty()) {
            directory.partners(partnerIds).forEach(v -> out.put("p:" + v.id(),
                    new IndexChanges.RecordSnapshot(directory.allValues(v), v.id())));
        }
        if (!contactIds.isEmpty()) {
            for (io.partnerportal.segments.application.port.Directory.Placed p : directory.placedContacts(contactIds)) {
                out.put("c:" + p.contact().id(), new IndexChanges.RecordSnapshot(directory.allValues(p.contact()),
                        p.partnerId()));
            }
        }
        return out;
    }

    /** Applies record snapshots (null: the record is gone). */
    synchronized void apply(Map<String, IndexChanges.RecordSnapshot> snapshots) {
        if (!ready) {
            return;
        }
        View v = current;
        ColumnStore partners = v.partners;
        ColumnStore contacts = v.contacts;
        int[][] links = v.partnerContacts;
        // partners first: a contact of a partner created in the same transaction links to it
        List<Map.Entry<String, IndexChanges.RecordSnapshot>> ordered = new ArrayList<>(snapshots.entrySet());
        ordered.sort((a, b) -> Boolean.compare(!a.getKey().startsWith("p:"), !b.getKey().startsWith("p:")));
        for (Map.Entry<String, IndexChanges.RecordSnapshot> e : ordered) {
            String id = e.getKey().substring(2);
            IndexChanges.RecordSnapshot snapshot = e.getValue();
            if (e.getKey().startsWith("p:")) {
                if (snapshot == null) {
                    int ord = partners.ordOf(id);
                    partners.remove(DenseIds.parse(id));
                    if (ord >= 0 && ord < links.length) {
                        links[ord] = null;
                    }
                } else {
                    partners.put(UUID.fromString(id), snapshot.values());
                }
                continue;
            }
            int existing = contacts.ordOf(id);
            int[] cp = v.contactPartner;
            int before = existing >= 0 && existing < cp.length ? cp[existing] : -1;
            if (snapshot == null) {
                contacts.remove(DenseIds.parse(id));
                if (existing >= 0) {
                    unlink(links, before, existing);
                    cp[existing] = -1;
                }
                continue;
            }
            int ord = contacts.put(UUID.fromString(id), snapshot.values());
            if (ord >= cp.length) {
                int old = cp.length;
                cp = Arrays.copyOf(cp, Math.max(ord + 1, old * 3 / 2 + 16));
                Arrays.fill(cp, old, cp.length, -1);
            }
            int partner = snapshot.partnerId() == null ? -1 : partners.ordOf(snapshot.partnerId());
            if (partner != before || existing < 0) {
                unlink(links, before, ord);
                links = link(links, partner, ord);
            }
            cp[ord] = partner;
            if (cp != v.contactPartner || links != v.partnerContacts) {
                v = new View(partners, contacts, cp, links);
                current = v;
            }
        }
    }

    /** Contacts grouped by partner ordinal (a counting sort of the contact → partner links). */
    private static int[][] group(int[] cp, ColumnStore c, int partnerBound) {
        int[] counts = new int[partnerBound];
        for (int ord = 0; ord < c.bound(); ord++) {
            if (cp[ord] >= 0 && c.contains(ord)) {
                counts[cp[ord]]++;
            }
        }
        int[][] grouped = new int[partnerBound][];
        for (int p = 0; p < partnerBound; p++) {
            grouped[p] = new int[counts[p]];
            counts[p] = 0;
        }
        for (int ord = 0; ord < c.bound(); ord++) {
            if (cp[ord] >= 0 && c.contains(ord)) {
                grouped[cp[ord]][counts[cp[ord]]++] = ord;
            }
        }
        return grouped;
    }

    /** Adds the contact to the partner's list; returns the lists (a grown copy when the partner is beyond them). */
    private static int[][] link(int[][] lists, int partner, int contact) {
        if (partner < 0) {
            return lists;
        }
        int[][] all = lists;
        if (partner >= all.length) {
            all = Arrays.copyOf(all, Math.max(partner + 1, all.length * 3 / 2 + 16));
        }
        int[] list = all[partner] == null ? new int[0] : all[partner];
        int[] grown = Arrays.copyOf(list, list.length + 1);
        grown[list.length] = contact;
        all[partner] = grown;
        return all;
    }

    private static void unlink(int[][] all, int partner, int contact) {
        if (partner < 0 || partner >= all.length || all[partner] == null) {
            return;
        }
        int[] list = all[partner];
        for (int i = 0; i < list.length; i++) {
            if (list[i] == contact) {
                int[] shrunk = new int[list.length - 1];
                System.arraycopy(list, 0, shrunk, 0, i);
                System.arraycopy(list, i + 1, shrunk, i, list.length - i - 1);
                all[partner] = shrunk;
                return;
            }
        }
    }

    /**
     * The records as they are now, by ordinal, for work over all of them (bulk evaluation,
     * previews), without a lock. The view keeps the arrays it was taken with; records changing
     * meanwhile may show either value.
     */
    public View view() {
        return current;
    }

    /** Records by ordinal: see {@link #view()}. */
    public static final class View {
        private static final int[] NONE = new int[0];
        private final ColumnStore partners;
        private final ColumnStore contacts;
        private final int[] contactPartner;
        private final int[][] partnerContacts;

        View(ColumnStore partners, ColumnStore contacts, int[] contactPartner, int[][] partnerContacts) {
            this.partners = partners;
            this.contacts = contacts;
            this.contactPartner = contactPartner;
            this.partnerContacts = partnerContacts;
        }

        /** Ordinals are below this bound (absent ones are skipped by {@link #hasPartner}). */
        public int partnerBound() {
            return partners.bound();
        }

        public int contactBound() {
            return contacts.bound();
        }

        public boolean hasPartner(int ord) {
            return partners.contains(ord);
        }

        /** Whether the contact exists and belongs to a known partner. */
        public boolean hasContact(int ord) {
            return contacts.contains(ord) && ord < contactPartner.length && contactPartner[ord] >= 0
                    && partners.contains(contactPartner[ord]);
        }

        public Values partner(int ord) {
            return partners.view(ord);
        }

        public Values contact(int ord) {
            return contacts.view(ord);
        }

        public int partnerOf(int contactOrd) {
            return contactOrd < contactPartner.length ? contactPartner[contactOrd] : -1;
        }

        public int[] contactsOf(int partnerOrd) {
            int[] list = partnerOrd >= 0 && partnerOrd < partnerContacts.length ? partnerContacts[partnerOrd] : null;
            return list == null ? NONE : list;
        }

        public UUID partnerId(int ord) {
            return partners.idOf(ord);
        }

        public UUID contactId(int ord) {
            return contacts.idOf(ord);
        }

        public int partnerOrd(String id) {
            return partners.ordOf(id);
        }

        /** A partner property's values by ordinal (read only), or null. */
        public Object[] partnerColumn(String key) {
            return partners.column(key);
        }

        public Object[] contactColumn(String key) {
            return contacts.column(key);
        }

        public int partnerOrd(UUID id) {
            return partners.ordOf(id);
        }

        public int contactOrd(String id) {
            return contacts.ordOf(id);
        }

        public int contactOrd(UUID id) {
            return contacts.ordOf(id);
        }

        /** The ordinal of a partner view taken from this view, or -1. */
        public int partnerOrd(Values partner) {
            return partners.ordinalOf(partner);
        }

        public int contactOrd(Values contact) {
            return contacts.ordinalOf(contact);
        }
    }

    /** Whether any record of the scope has the value (lint: "a value no record currently has"). */
    public boolean anyHas(Scope scope, String key, Object value) {
        View v = current;
        return (scope == Scope.PARTNER ? v.partners : v.contacts).anyHas(key, value);
    }

}
