package io.partnerportal.segments.application;

import io.partnerportal.segments.application.SegmentRegistry.Definitions;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.condition.ConditionBatch;
import io.partnerportal.segments.domain.condition.EvaluationContext;
import io.partnerportal.segments.domain.condition.PropertyRef;
import io.partnerportal.segments.domain.condition.Scope;
import io.partnerportal.segments.domain.condition.Values;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One record evaluated against the segments from memory (values from the value store, referenced
 * memberships from the access index), without the database: what a contact's segments would be if
 * computed now. Used to spot-check the index against fresh evaluations, and measured as P2 / P2b.
 */
@Singleton
public class RecordEvaluation {

    private final SegmentRegistry registry;
    private final AccessIndex index;
    private final ValueStore values;
    private final MembershipEngine engine;
    private volatile Plan plan = Plan.of(null, List.of());

    RecordEvaluation(SegmentRegistry registry, AccessIndex index, ValueStore values, MembershipEngine engine) {
        this.registry = registry;
        this.index = index;
        this.values = values;
        this.engine = engine;
    }

    /**
     * The dynamic contact-level segments of one definitions version, in dependency order, their
     * conditions as one batch, their ids (one list instance per version: the access index remembers
     * it as a mask), the position of each (their answers are kept in an array during one evaluation)
     * and, per segment the batch's in_segment tests refer to, its position when it is one of them
     * (answered by this evaluation) or -1 (answered by the index).
     */
    private record Plan(Definitions definitions, List<CompiledSegment> contactSegments, ConditionBatch conditions,
                        List<String> ids, Map<String, Integer> position, int[] referencePosition) {
        static Plan of(Definitions d, List<CompiledSegment> segments) {
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                position.put(segments.get(i).id(), i);
            }
            ConditionBatch batch = ConditionBatch.of(segments.stream().map(CompiledSegment::condition).toList());
            List<ConditionBatch.Reference> refs = batch.references();
            int[] referencePosition = new int[refs.size()];
            for (int r = 0; r < referencePosition.length; r++) {
                Integer at = refs.get(r).asksContact() ? position.get(refs.get(r).segmentId()) : null;
                referencePosition[r] = at == null ? -1 : at;
            }
            return new Plan(d, segments, batch, segments.stream().map(CompiledSegment::id).toList(), position,
                    referencePosition);
        }

        /** The index columns of the referenced segments, as {@code snapshot} numbers them. */
        int[] columns(AccessIndex.Snapshot snapshot) {
            List<ConditionBatch.Reference> refs = conditions.references();
            int[] columns = new int[refs.size()];
            for (int r = 0; r < columns.length; r++) {
                columns[r] = snapshot.column(refs.get(r).segmentId());
            }
            return columns;
        }
    }

    private Plan plan() {
        Definitions d = registry.cached();
        Plan p = plan;
        if (p.definitions() != d) {
            p = Plan.of(d, d.all().stream().filter(s -> s.dynamic() && s.level() == SegmentLevel.CONTACT
                            && s.condition() != null)
                    .sorted(Comparator.comparingInt(CompiledSegment::rank)).toList());
            plan = p;
        }
        return p;
    }

    /**
     * Every segment the contact is in by a fresh evaluation: each dynamic contact-level condition
     * evaluated (in dependency order, so in_segment sees this evaluation's answers), partner-level and
     * static memberships looked up in the index. Empty when the contact is unknown.
     */
    public Set<String> segmentsOfContact(String contactId) {
        ValueStore.View view = values.view();
        int contact = view.contactOrd(contactId);
        if (contact < 0 || !view.hasContact(contact)) {
            return Set.of();
        }
        Plan p = plan();
        AccessIndex.Snapshot snapshot = index.snapshot();
        Scratch s = scratch.get();
        boolean own = !s.busy; // this thread is not inside another evaluation (none calls back into here today)
        s.busy = true;
        try {
            if (own && (s.pass == null || s.plan != p)) {
                s.plan = p;
                s.pass = p.conditions().newPass();
                s.answers = new boolean[p.contactSegments().size()];
                s.columnsOf = null;
            }
            if (own && !snapshot.sameColumns(s.columnsOf)) {
                s.columns = p.columns(snapshot);
                s.columnsOf = snapshot;
            }
            boolean[] answers = own ? s.answers : new boolean[p.contactSegments().size()];
            int partner = view.partnerOf(contact);
            Lookup context = new Lookup(view, engine.today(), p, answers, snapshot,
                    own ? s.columns : p.columns(snapshot), snapshot.contactRow(view.contactId(contact)), partner);
            (own ? s.pass : p.conditions().newPass())
                    .reset(view.partner(partner), view.contact(contact), context, context)
                    .decideAll(answers);
            // partner-level, static, or not compiling: as the index has it
            return snapshot.segmentsOf(context.contactRow, p.ids(), answers);
        } finally {
            if (own) {
                s.busy = false;
            }
        }
    }

    /**
     * One thread's pass and answers, reused contact after contact (they were a few kilobytes
     * allocated per contact: at tens of thousands of evaluations a second, that churn showed in the tail).
     */
    private static final class Scratch {
        Plan plan;
        ConditionBatch.Pass pass;
        boolean[] answers;
        boolean busy;
        /** The plan's reference columns, and the index snapshot they were looked up in. */
        int[] columns;
        AccessIndex.Snapshot columnsOf;
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** What the contact-level conditions evaluated per contact look like now ({@link ConditionBatch#describe()}). */
    public String describeContactConditions() {
        return plan().conditions().describe();
    }

    /**
     * Whether a partner matches a partner-level segment's condition now (any_contact and
     * all_contacts over its contacts in memory); false for an unknown segment or partner.
     */
    public boolean partnerMatches(String segmentId, String partnerId) {
        CompiledSegment s = registry.cached().get(segmentId);
        ValueStore.View view = values.view();
        int partner = view.partnerOrd(partnerId);
        if (s == null || s.condition() == null || s.level() != SegmentLevel.PARTNER || partner < 0
                || !view.hasPartner(partner)) {
            return false;
        }
        return s.condition().matches(view.partner(partner), null, new Lookup(view, engine.today(), null,
                new boolean[0], index.snapshot(), new int[0], -1, partner));
    }

    /** A membership a change would move: the member (a contact's or partner's id) joins or leaves the segment. */
    record Move(String segmentId, String memberId, boolean joined) {
    }

    /**
     * Which memberships would move if the contact's property had this value, from memory only
     * (values from the value store with the one value overridden, memberships from the access
     * index; nothing written): the dynamic segments reading the property re-evaluated for the
     * contact (contact-level) or for its partner over its contacts (partner-level, any_contact /
     * all_contacts), then, as maintenance cascades, the segments referring to a segment whose
     * membership moved, for the records that moved, in dependency order. Measured as P3 in process.
     * Empty for an unknown contact.
     */
    List<Move> changedMembershipsIf(String contactId, String key, Object value) {
        ValueStore.View view = values.view();
        int contact = view.contactOrd(contactId);
        if (contact < 0 || !view.hasContact(contact)) {
            return List.of();
        }
        Definitions d = registry.cached();
        WhatIf context = new WhatIf(view, engine.today(), contact, new Overlay(view.contact(contact), key, value));
        UUID contactUuid = view.contactId(contact);
        UUID partnerUuid = view.partnerId(view.partnerOf(contact));
        // by rank, then segment: the records to evaluate (contact or partner ids, per the segment's level)
        TreeMap<Integer, Map<CompiledSegment, Set<UUID>>> pending = new TreeMap<>();
        for (CompiledSegment s : d.readersOf(new PropertyRef(Scope.CONTACT, key))) {
            queue(pending, s, List.of(s.level() == SegmentLevel.CONTACT ? contactUuid : partnerUuid));
        }
        List<Move> moves = new ArrayList<>();
        while (!pending.isEmpty()) {
            for (Map.Entry<CompiledSegment, Set<UUID>> entry : pending.pollFirstEntry().getValue().entrySet()) {
                CompiledSegment s = entry.getKey();
                List<UUID> moved = new ArrayList<>();
                for (UUID member : entry.getValue()) {
                    boolean now = context.matches(s, member);
                    if (now != index.isMember(s.id(), member)) {
                        context.moved.computeIfAbsent(s.id(), k -> new HashMap<>()).put(member, now);
                        moves.add(new Move(s.id(), member.toString(), now));
                        moved.add(member);
                    }
                }
                if (!moved.isEmpty()) {
                    cascade(d, s, moved, view, pending);
                }
            }
        }
        return moves;
    }

    private static void queue(TreeMap<Integer, Map<CompiledSegment, Set<UUID>>> pending, CompiledSegment s,
                              List<UUID> members) {
        if (s.dynamic() && !members.isEmpty()) {
            pending.computeIfAbsent(s.rank(), r -> new LinkedHashMap<>())
                    .computeIfAbsent(s, k -> new LinkedHashSet<>()).addAll(members);
        }
    }

    /** Queues the segments referring to one whose membership moved, for the records concerned (as maintenance does). */
    private static void cascade(Definitions d, CompiledSegment s, List<UUID> moved, ValueStore.View view,
                                TreeMap<Integer, Map<CompiledSegment, Set<UUID>>> pending) {
        for (CompiledSegment dependant : d.dependantsOf(s.id())) {
            List<UUID> subjects = new ArrayList<>();
            for (UUID member : moved) {
                if (s.level() == dependant.level()) {
                    subjects.add(member);
                } else if (s.level() == SegmentLevel.PARTNER) {
                    for (int c : view.contactsOf(view.partnerOrd(member))) {
                        subjects.add(view.contactId(c));
                    }
                } else {
                    int partner = view.partnerOf(view.contactOrd(member));
                    if (partner >= 0) {
                        subjects.add(view.partnerId(partner));
                    }
                }
            }
            queue(pending, dependant, subjects);
        }
    }

    /**
     * A record's values with one value replaced. It has no layout, so every read goes through
     * {@link #value} (a slot read would bypass the replaced value).
     */
    private record Overlay(Values values, String key, Object replaced) implements Values {
        @Override
        public String id() {
            return values.id();
        }

        @Override
        public Object value(String k) {
            return key.equals(k) ? replaced : values.value(k);
        }
    }

    /**
     * What both evaluations read from memory: the day, and a partner's contacts from the value store
     * ({@link #contact} decides which values stand for a contact ordinal).
     */
    private abstract static class FromMemory implements EvaluationContext {
        final ValueStore.View view;
        private final LocalDate today;

        FromMemory(ValueStore.View view, LocalDate today) {
            this.view = view;
            this.today = today;
        }

        /** The values read for a contact ordinal. */
        Values contact(int ord) {
            return view.contact(ord);
        }

        @Override
        public LocalDate today() {
            return today;
        }

        @Override
        public Iterable<? extends Values> contactsOf(String partnerId) {
            return contacts(view.contactsOf(view.partnerOrd(partnerId)));
        }

        @Override
        public Iterable<? extends Values> contactsOf(Values partner) {
            int ord = view.partnerOrd(partner);
            return contacts(view.contactsOf(ord >= 0 ? ord : view.partnerOrd(partner.id())));
        }

        private Iterable<Values> contacts(int[] ords) {
            return () -> new Iterator<>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return i < ords.length;
                }

                @Override
                public Values next() {
                    if (i >= ords.length) {
                        throw new NoSuchElementException();
                    }
                    return contact(ords[i++]);
                }
            };
        }
    }

    /**
     * Evaluation as if one contact had its overlay: that contact's values replaced wherever it is
     * read (itself, its partner's contacts), memberships moved so far by this prediction over the index.
     */
    private final class WhatIf extends FromMemory {
        private final int contact;
        private final Values changed;
        final Map<String, Map<UUID, Boolean>> moved = new HashMap<>();

        WhatIf(ValueStore.View view, LocalDate today, int contact, Values changed) {
            super(view, today);
            this.contact = contact;
            this.changed = changed;
        }

        @Override
        Values contact(int ord) {
            return ord == contact ? changed : view.contact(ord);
        }

        /** Whether the contact or partner (per the segment's level) matches now; false without a condition. */
        boolean matches(CompiledSegment s, UUID member) {
            if (s.condition() == null) {
                return false;
            }
            if (s.level() == SegmentLevel.PARTNER) {
                int partner = view.partnerOrd(member);
                return partner >= 0 && view.hasPartner(partner)
                        && s.condition().matches(view.partner(partner), null, this);
            }
            int c = view.contactOrd(member);
            if (c < 0 || !view.hasContact(c)) {
                return false;
            }
            return s.condition().matches(view.partner(view.partnerOf(c)), contact(c), this);
        }

        private boolean member(String segmentId, UUID id) {
            Map<UUID, Boolean> m = moved.isEmpty() ? null : moved.get(segmentId);
            Boolean b = m == null ? null : m.get(id);
            return b != null ? b : index.isMember(segmentId, id);
        }

        @Override
        public boolean partnerIn(String segmentId, String partnerId) {
            return member(segmentId, UUID.fromString(partnerId));
        }

        @Override
        public boolean contactIn(String segmentId, String contactId) {
            return member(segmentId, UUID.fromString(contactId));
        }

        @Override
        public boolean partnerIn(String segmentId, Values partner) {
            int ord = view.partnerOrd(partner);
            return ord >= 0 ? member(segmentId, view.partnerId(ord)) : partnerIn(segmentId, partner.id());
        }

        @Override
        public boolean contactIn(String segmentId, Values contact) {
            int ord = contact == changed ? this.contact : view.contactOrd(contact);
            return ord >= 0 ? member(segmentId, view.contactId(ord)) : contactIn(segmentId, contact.id());
        }
    }

    /**
     * Referenced memberships from this evaluation (contact-level segments decided before) or the
     * index; contacts from the value store. As {@link ConditionBatch.Memberships} it answers the
     * batch's in_segment tests by reference number from columns and rows looked up once.
     */
    private final class Lookup extends FromMemory implements ConditionBatch.Memberships {
        private final Map<String, Integer> position;
        private final int[] referencePosition;
        private final List<ConditionBatch.Reference> references;
        private final boolean[] answers;
        /** Answers below this position are final: the pass says so before each walk ({@link #deciding}). */
        private int answered;
        /** The index as this evaluation reads it, the referenced segments' columns in it, the record's rows. */
        private final AccessIndex.Snapshot snapshot;
        private final int[] columns;
        final int contactRow;
        private final int partnerOrd;
        private int partnerRow = UNKNOWN;

        private static final int UNKNOWN = -2;

        /** {@code plan} null: no contact-level answers of this evaluation (a partner's condition). */
        Lookup(ValueStore.View view, LocalDate today, Plan plan, boolean[] answers, AccessIndex.Snapshot snapshot,
               int[] columns, int contactRow, int partnerOrd) {
            super(view, today);
            this.position = plan == null ? Map.of() : plan.position();
            this.referencePosition = plan == null ? new int[0] : plan.referencePosition();
            this.references = plan == null ? List.of() : plan.conditions().references();
            this.answers = answers;
            this.snapshot = snapshot;
            this.columns = columns;
            this.contactRow = contactRow;
            this.partnerOrd = partnerOrd;
        }

        @Override
        public void deciding(int condition) {
            answered = condition;
        }

        @Override
        public boolean isMember(int reference) {
            int at = referencePosition[reference];
            if (at >= 0 && at < answered) {
                return answers[at];
            }
            ConditionBatch.Reference r = references.get(reference);
            int column = columns[reference];
            return r.asksPartner() && snapshot.isMember(column, SegmentLevel.PARTNER, partnerRow())
                    || r.asksContact() && snapshot.isMember(column, SegmentLevel.CONTACT, contactRow);
        }

        private int partnerRow() {
            if (partnerRow == UNKNOWN) {
                partnerRow = partnerOrd < 0 ? -1 : snapshot.partnerRow(view.partnerId(partnerOrd));
            }
            return partnerRow;
        }

        /** This evaluation's answer for a contact-level segment evaluated before, or null. */
        private Boolean evaluated(String segmentId) {
            Integer i = position.get(segmentId);
            return i == null || i >= answered ? null : answers[i];
        }

        @Override
        public boolean partnerIn(String segmentId, String partnerId) {
            return index.isMember(segmentId, partnerId);
        }

        @Override
        public boolean contactIn(String segmentId, String contactId) {
            Boolean known = evaluated(segmentId); // only the contact being evaluated is ever asked about
            return known != null ? known : index.isMember(segmentId, contactId);
        }

        @Override
        public boolean partnerIn(String segmentId, Values partner) {
            int ord = view.partnerOrd(partner);
            if (ord < 0) {
                return partnerIn(segmentId, partner.id());
            }
            int row = ord == partnerOrd ? partnerRow() : snapshot.partnerRow(view.partnerId(ord));
            return snapshot.isMember(segmentId, SegmentLevel.PARTNER, row);
        }

        @Override
        public boolean contactIn(String segmentId, Values contact) {
            Boolean known = evaluated(segmentId);
            if (known != null) {
                return known;
            }
            int ord = view.contactOrd(contact);
            return ord < 0 ? index.isMember(segmentId, contact.id())
                    : snapshot.isMember(segmentId, SegmentLevel.CONTACT, snapshot.contactRow(view.contactId(ord)));
        }
    }
}
