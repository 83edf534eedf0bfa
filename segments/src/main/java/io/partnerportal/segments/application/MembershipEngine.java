package io.partnerportal.segments.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.partnerportal.segments.api.event.MemberChange;
import io.partnerportal.segments.api.event.SegmentMembershipChanged;
import io.partnerportal.segments.application.SegmentRegistry.Definitions;
import io.partnerportal.segments.application.port.Directory;
import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.domain.segment.MembershipCause;
import io.partnerportal.segments.domain.segment.MembershipDiff;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.condition.EvaluationContext;
import io.partnerportal.segments.domain.condition.PropertyRef;
import io.partnerportal.segments.domain.condition.Scope;
import io.partnerportal.segments.domain.condition.Values;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates segments for records, writes the membership diff with its history, and follows the
 * consequences through {@code in_segment} references in dependency order, so a segment is always
 * evaluated after the segments it refers to. Runs inside the caller's transaction.
 */
@Singleton
class MembershipEngine {

    private final MembershipStore memberships;
    private final Directory directory;
    private final ApplicationEventPublisher<SegmentMembershipChanged> events;
    private final Clock clock;
    private final IndexTransactions index;

    MembershipEngine(MembershipStore memberships, Directory directory,
                     ApplicationEventPublisher<SegmentMembershipChanged> events, Clock clock,
                     IndexTransactions index) {
        this.index = index;
        this.memberships = memberships;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    Run start(Definitions definitions, MembershipCause cause) {
        return new Run(definitions, cause);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * One maintenance job: queued (segment, subjects) evaluations, processed in dependency order.
     * What it reads (records, memberships) is fetched for a whole rank of segments at once and kept
     * for the run, so the number of database round trips does not grow with the number of segments
     * re-evaluated; the memberships it changes are written at the end in a few set-based statements,
     * and until then the run answers membership questions from what it changed.
     */
    final class Run {

        private final Definitions definitions;
        private final MembershipCause cause;
        private final TreeMap<Integer, Map<String, Set<String>>> pending = new TreeMap<>();
        private final Map<String, List<MemberChange>> changes = new LinkedHashMap<>();
        private final Map<String, Values> partners = new HashMap<>();
        private final Map<String, Values> contacts = new HashMap<>();
        private final Map<String, List<Values>> contactsOfPartner = new HashMap<>();
        private final Map<String, String> partnerOfContact = new HashMap<>();
        /** Members (of those whose membership is known to this run) per segment. */
        private final Map<String, Set<String>> members = new HashMap<>();
        /** Per segment, the members whose membership this run knows (read, or changed by it). */
        private final Map<String, Set<String>> known = new HashMap<>();
        private final List<MembershipStore.SegmentChange> writes = new ArrayList<>();
        private final LocalDate today = today();
        private final EvaluationContext live = new LiveContext();

        private Run(Definitions definitions, MembershipCause cause) {
            this.definitions = definitions;
            this.cause = cause;
        }

        /** Queues the evaluation of a dynamic segment for some partners or contacts (per its level). */
        Run evaluate(CompiledSegment segment, Collection<String> subjects) {
            if (segment.dynamic() && !subjects.isEmpty()) {
                pending.computeIfAbsent(segment.rank(), r -> new LinkedHashMap<>())
                        .computeIfAbsent(segment.id(), id -> new LinkedHashSet<>()).addAll(subjects);
            }
            return this;
        }

        Run evaluateAll(Collection<CompiledSegment> segments, Collection<String> subjects) {
            segments.forEach(s -> evaluate(s, subjects));
            return this;
        }

        /** Records a diff computed elsewhere (static edits, bulk recomputation), written at once, and follows its consequences. */
        Run applied(CompiledSegment segment, MembershipDiff diff, Map<String, String> partnerOf) {
            if (!diff.isEmpty()) {
                partnerOfContact.putAll(partnerOf);
                memberships.apply(segment.id(), segment.segment().version(), segment.level(), diff, partnerOf, cause);
                remember(segment.id(), diff);
                record(segment, diff, partnerOf);
                cascade(segment, diff);
            }
            return this;
        }

        /** The contact as this run read it (after the change that started the run), if it did. */
        java.util.Optional<Directory.Placed> loadedContact(String contactId) {
            Values v = contacts.get(contactId);
            String partnerId = partnerOfContact.get(contactId);
            return v == null || partnerId == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new Directory.Placed(v, partnerId));
        }

        java.util.Optional<Values> loadedPartner(String partnerId) {
            return java.util.Optional.ofNullable(partners.get(partnerId));
        }

        /** The contacts of a partner as the directory has them now (cached for this run). */
        List<Values> contactsOf(String partnerId) {
            return contactsOfPartner.computeIfAbsent(partnerId, directory::contactsOf);
        }

        /** Processes the queue, writes what changed, then publishes one membership event per changed segment. */
        void finish() {
            while (!pending.isEmpty()) {
                Map<String, Set<String>> rank = pending.pollFirstEntry().getValue();
                prepare(rank);
                for (Map.Entry<String, Set<String>> entry : rank.entrySet()) {
                    CompiledSegment segment = definitions.get(entry.getKey());
                    if (segment != null) {
                        process(segment, entry.getValue());
                    }
                }
            }
            memberships.applyAll(writes, cause);
            writes.clear();
            Instant now = clock.instant();
            changes.forEach((segmentId, list) -> {
                CompiledSegment segment = definitions.get(segmentId);
                String level = segment == null ? "" : segment.level().jsonName();
                IndexChanges pending = index.changes();
                if (list.size() > IndexChanges.LIST_LIMIT && segment != null) {
                    pending.reload(segmentId, level);
                } else {
                    list.forEach(m -> pending.member(segmentId, m.memberId(), m.joined()));
                }
                events.publishEvent(new SegmentMembershipChanged(segmentId, level, list, cause.type(), cause.actor(),
                        now));
            });
        }

        /**
         * Reads what a rank of segments needs in one go: the records to evaluate, their current
         * membership in those segments, and their membership in the segments those refer to.
         */
        private void prepare(Map<String, Set<String>> rank) {
            Set<String> partnerSubjects = new LinkedHashSet<>();
            Set<String> contactSubjects = new LinkedHashSet<>();
            for (Map.Entry<String, Set<String>> entry : rank.entrySet()) {
                CompiledSegment segment = definitions.get(entry.getKey());
                if (segment != null) {
                    (segment.level() == SegmentLevel.PARTNER ? partnerSubjects : contactSubjects).addAll(entry.getValue());
                }
            }
            preloadContacts(contactSubjects);
            preloadPartners(partnerSubjects);
            Map<SegmentLevel, Set<String>> segmentsByLevel = new HashMap<>();
            Map<String, Set<String>> refSubjects = new HashMap<>();
            for (Map.Entry<String, Set<String>> entry : rank.entrySet()) {
                CompiledSegment segment = definitions.get(entry.getKey());
                if (segment == null) {
                    continue;
                }
                segmentsByLevel.computeIfAbsent(segment.level(), l -> new LinkedHashSet<>()).add(segment.id());
                for (String ref : segment.refs()) {
                    CompiledSegment referenced = definitions.get(ref);
                    if (referenced == null) {
                        continue;
                    }
                    Set<String> asked = refSubjects.computeIfAbsent(ref, r -> new LinkedHashSet<>());
                    for (String subject : entry.getValue()) {
                        if (referenced.level() == segment.level()) {
                            asked.add(subject);
                        } else if (referenced.level() == SegmentLevel.PARTNER) {
                            String partner = partnerOfContact.get(subject);
                            if (partner != null) {
                                asked.add(partner);
                            }
                        }
                    }
                }
            }
            segmentsByLevel.forEach((level, ids) -> load(level, ids,
                    level == SegmentLevel.PARTNER ? partnerSubjects : contactSubjects));
            refSubjects.forEach((ref, subjects) -> load(definitions.get(ref).level(), Set.of(ref), subjects));
        }

        /** Reads the membership of the members in the segments, for the pairs this run does not know yet. */
        private void load(SegmentLevel level, Collection<String> segmentIds, Collection<String> subjects) {
            Set<String> missing = new LinkedHashSet<>();
            Set<String> segments = new LinkedHashSet<>();
            for (String segmentId : segmentIds) {
                Set<String> seen = known.getOrDefault(segmentId, Set.of());
                for (String subject : subjects) {
                    if (!seen.contains(subject)) {
                        missing.add(subject);
                        segments.add(segmentId);
                    }
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            Map<String, Set<String>> found = memberships.membersAmong(level, segments, missing);
            for (String segmentId : segments) {
                known.computeIfAbsent(segmentId, s -> new HashSet<>()).addAll(missing);
                members.computeIfAbsent(segmentId, s -> new HashSet<>()).addAll(found.getOrDefault(segmentId, Set.of()));
            }
        }

        /** Membership as this run sees it (a database read for a pair it does not know yet). */
        private boolean isMember(String segmentId, SegmentLevel level, String memberId) {
            if (known.getOrDefault(segmentId, Set.of()).contains(memberId)) {
                return members.getOrDefault(segmentId, Set.of()).contains(memberId);
            }
            boolean member = memberships.isMember(segmentId, level, memberId);
            known.computeIfAbsent(segmentId, s -> new HashSet<>()).add(memberId);
            if (member) {
                members.computeIfAbsent(segmentId, s -> new HashSet<>()).add(memberId);
            }
            return member;
        }

        private void remember(String segmentId, MembershipDiff diff) {
            Set<String> seen = known.computeIfAbsent(segmentId, s -> new HashSet<>());
            Set<String> in = members.computeIfAbsent(segmentId, s -> new HashSet<>());
            seen.addAll(diff.joined());
            seen.addAll(diff.left());
            in.addAll(diff.joined());
            in.removeAll(diff.left());
        }

        private void process(CompiledSegment segment, Set<String> subjects) {
            boolean partnerLevel = segment.level() == SegmentLevel.PARTNER;
            if (partnerLevel) {
                preloadPartners(subjects);
            } else {
                preloadContacts(subjects);
            }
            Set<String> matching = new HashSet<>();
            Map<String, String> partnerOf = new HashMap<>();
            for (String subject : subjects) {
                if (partnerLevel) {
                    Values partner = partners.get(subject);
                    if (partner != null && segment.condition() != null
                            && segment.condition().matches(partner, null, live)) {
                        matching.add(subject);
                    }
                    partnerOf.put(subject, subject);
                } else {
                    Values contact = contacts.get(subject);
                    String partnerId = partnerOfContact.get(subject);
                    if (partnerId != null) {
                        partnerOf.put(subject, partnerId);
                    }
                    Values partner = partnerId == null ? null : partner(partnerId);
                    if (contact != null && partner != null && segment.condition() != null
                            && segment.condition().matches(partner, contact, live)) {
                        matching.add(subject);
                    }
                }
            }
            load(segment.level(), Set.of(segment.id()), subjects);
            Set<String> in = members.getOrDefault(segment.id(), Set.of());
            Set<String> joined = new HashSet<>();
            Set<String> left = new HashSet<>();
            for (String subject : subjects) {
                boolean now = matching.contains(subject);
                if (now != in.contains(subject)) {
                    (now ? joined : left).add(subject);
                }
            }
            MembershipDiff diff = new MembershipDiff(joined, left);
            if (!diff.isEmpty()) {
                fillPartnerOf(partnerOf, left, segment.level());
                writes.add(new MembershipStore.SegmentChange(segment.id(), segment.segment().version(), segment.level(),
                        diff, partnerOf));
                remember(segment.id(), diff);
                record(segment, diff, partnerOf);
                cascade(segment, diff);
            }
        }

        private void fillPartnerOf(Map<String, String> partnerOf, Set<String> members, SegmentLevel level) {
            if (level == SegmentLevel.CONTACT) {
                for (String contactId : members) {
                    partnerOf.computeIfAbsent(contactId, c -> {
                        String p = partnerOfContact.get(c);
                        return p != null ? p : memberships.partnerOfContact(c);
                    });
                }
            }
        }

        private void record(CompiledSegment segment, MembershipDiff diff, Map<String, String> partnerOf) {
            List<MemberChange> list = changes.computeIfAbsent(segment.id(), k -> new ArrayList<>());
            diff.joined().forEach(m -> list.add(new MemberChange(m, partnerOf.getOrDefault(m, m), true)));
            diff.left().forEach(m -> list.add(new MemberChange(m, partnerOf.getOrDefault(m, m), false)));
        }

        /** Queues every segment referring to this one, for the records whose membership moved. */
        private void cascade(CompiledSegment segment, MembershipDiff diff) {
            List<CompiledSegment> dependants = definitions.dependantsOf(segment.id());
            if (dependants.isEmpty()) {
                return;
            }
            Set<String> moved = new LinkedHashSet<>(diff.joined());
            moved.addAll(diff.left());
            for (CompiledSegment dependant : dependants) {
                Set<String> subjects = new LinkedHashSet<>();
                if (segment.level() == SegmentLevel.PARTNER) {
                    if (dependant.level() == SegmentLevel.PARTNER) {
                        subjects.addAll(moved);
                    } else {
                        for (String partnerId : moved) {
                            for (String contactId : memberships.contactsOfPartner(partnerId)) {
                                subjects.add(contactId);
                                partnerOfContact.put(contactId, partnerId);
                            }
                        }
                    }
                } else if (dependant.level() == SegmentLevel.CONTACT) {
                    subjects.addAll(moved);
                } else {
                    for (String contactId : moved) {
                        String partnerId = partnerOfContact.containsKey(contactId) ? partnerOfContact.get(contactId)
                                : memberships.partnerOfContact(contactId);
                        if (partnerId != null) {
                            subjects.add(partnerId);
                        }
                    }
                }
                evaluate(dependant, subjects);
            }
        }

        private void preloadPartners(Collection<String> ids) {
            List<String> missing = ids.stream().filter(id -> !partners.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                directory.partners(missing).forEach(v -> partners.put(v.id(), v));
            }
        }

        private void preloadContacts(Collection<String> ids) {
            List<String> missing = ids.stream().filter(id -> !contacts.containsKey(id)).toList();
            if (missing.isEmpty()) {
                return;
            }
            for (Directory.Placed placed : directory.placedContacts(missing)) {
                contacts.put(placed.contact().id(), placed.contact());
                partnerOfContact.put(placed.contact().id(), placed.partnerId());
            }
            preloadPartners(missing.stream().map(partnerOfContact::get).filter(java.util.Objects::nonNull)
                    .distinct().toList());
        }

        private Values partner(String partnerId) {
            Values partner = partners.get(partnerId);
            if (partner == null && !partners.containsKey(partnerId)) {
                partner = directory.partner(partnerId).orElse(null);
                partners.put(partnerId, partner);
            }
            return partner;
        }

        /** Answers in_segment from this run's view of memberships, and any_contact from the directory. */
        private final class LiveContext implements EvaluationContext {
            @Override
            public LocalDate today() {
                return today;
            }

            @Override
            public Iterable<? extends Values> contactsOf(String partnerId) {
                return Run.this.contactsOf(partnerId);
            }

            @Override
            public boolean partnerIn(String segmentId, String partnerId) {
                return isMember(segmentId, SegmentLevel.PARTNER, partnerId);
            }

            @Override
            public boolean contactIn(String segmentId, String contactId) {
                return isMember(segmentId, SegmentLevel.CONTACT, contactId);
            }
        }
    }

    /** Whether any read of the segment concerns the given scope and keys. */
    static boolean reads(CompiledSegment segment, Scope scope, Set<String> keys) {
        for (PropertyRef ref : segment.reads()) {
            if (ref.scope() == scope && keys.contains(ref.key())) {
                return true;
            }
        }
        return false;
    }
}
