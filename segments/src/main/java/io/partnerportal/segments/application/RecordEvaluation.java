package io.partnerportal.segments.application;

import io.partnerportal.segments.application.SegmentRegistry.Definitions;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.condition.ConditionBatch;
import io.partnerportal.segments.domain.condition.EvaluationContext;
import io.partnerportal.segments.domain.condition.Values;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

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
    private volatile Plan plan = new Plan(null, List.of(), ConditionBatch.of(List.of()), List.of(), Map.of());

    RecordEvaluation(SegmentRegistry registry, AccessIndex index, ValueStore values, MembershipEngine engine) {
        this.registry = registry;
        this.index = index;
        this.values = values;
        this.engine = engine;
    }

    /**
     * The dynamic contact-level segments of one definitions version, in dependency order, their
     * conditions as one batch, their ids (one list instance per version: the access index remembers
     * it as a mask) and the position of each (their answers are kept in an array during one evaluation).
     */
    private record Plan(Definitions definitions, List<CompiledSegment> contactSegments, ConditionBatch conditions,
                        List<String> ids, Map<String, Integer> position) {
        static Plan of(Definitions d, List<CompiledSegment> segments) {
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                position.put(segments.get(i).id(), i);
            }
            return new Plan(d, segments, ConditionBatch.of(segments.stream().map(CompiledSegment::condition).toList()),
                    segments.stream().map(CompiledSegment::id).toList(), position);
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
        Set<String> out = new java.util.HashSet<>(256);
        ValueStore.View view = values.view();
        int contact = view.contactOrd(contactId);
        if (contact < 0 || !view.hasContact(contact)) {
            return out;
        }
        Plan p = plan();
        List<CompiledSegment> segments = p.contactSegments();
        Lookup context = new Lookup(view, engine.today(), p.position(), new boolean[segments.size()]);
        ConditionBatch.Pass pass = p.conditions().over(view.partner(view.partnerOf(contact)), view.contact(contact),
                context);
        for (int i = 0; i < segments.size(); i++) {
            CompiledSegment s = segments.get(i);
            boolean member = pass.matches(i);
            context.answer(i, member);
            if (member) {
                out.add(s.id());
            }
        }
        // partner-level, static, or not compiling: as the index has it
        index.forEachSegmentOf(view.contactId(contact), p.ids(), out::add);
        return out;
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
        return s.condition().matches(view.partner(partner), null, new Lookup(view, engine.today(), Map.of(),
                new boolean[0]));
    }

    /** Referenced memberships from this evaluation or the index; contacts from the value store. */
    private final class Lookup implements EvaluationContext {
        private final ValueStore.View view;
        private final LocalDate today;
        private final Map<String, Integer> position;
        private final boolean[] answers;
        /** Answers below this position are known (segments are evaluated in order). */
        private int answered;

        Lookup(ValueStore.View view, LocalDate today, Map<String, Integer> position, boolean[] answers) {
            this.view = view;
            this.today = today;
            this.position = position;
            this.answers = answers;
        }

        void answer(int i, boolean member) {
            answers[i] = member;
            answered = i + 1;
        }

        /** This evaluation's answer for a contact-level segment evaluated before, or null. */
        private Boolean evaluated(String segmentId) {
            Integer i = position.get(segmentId);
            return i == null || i >= answered ? null : answers[i];
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
                    return view.contact(ords[i++]);
                }
            };
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
            return ord >= 0 ? index.isMember(segmentId, view.partnerId(ord)) : partnerIn(segmentId, partner.id());
        }

        @Override
        public boolean contactIn(String segmentId, Values contact) {
            Boolean known = evaluated(segmentId);
            if (known != null) {
                return known;
            }
            int ord = view.contactOrd(contact);
            return ord >= 0 ? index.isMember(segmentId, view.contactId(ord)) : index.isMember(segmentId, contact.id());
        }
    }
}
