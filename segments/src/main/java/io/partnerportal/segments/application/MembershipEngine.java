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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Evaluates segments for records, writes the membership diff with its history, and follows the
 * consequences through {@code in_segment} references in dependency order, so a segment is always
 * evaluated after the segments it refers to. Runs inside the caller's transaction.
 */
@Singleton
class MembershipEngine {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MembershipEngine.class);

    /** From this many contacts of one segment on, a run decides a condition column-wise (see {@code columnwise}). */
    static final int COLUMNWISE_MIN = 64;

    private final MembershipStore memberships;
    private final Directory directory;
    private final ApplicationEventPublisher<SegmentMembershipChanged> events;
    private final Clock clock;
    private final IndexTransactions index;
    private final HistoryExpansion history;
    private final AccessIndex accessIndex;
    private final ValueStore values;
    private final IndexFollower follower;

    MembershipEngine(MembershipStore memberships, Directory directory,
                     ApplicationEventPublisher<SegmentMembershipChanged> events, Clock clock,
                     IndexTransactions index, AccessIndex accessIndex, ValueStore values, IndexFollower follower,
                     HistoryExpansion history) {
        this.history = history;
        this.accessIndex = accessIndex;
        this.values = values;
        this.follower = follower;
        this.index = index;
        this.memberships = memberships;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** A diff written as a batch has its member history rows written after commit (ADR 0012). */
    private void expandAfterCommit(Collection<MembershipDiff> written) {
        if (written.stream().anyMatch(d -> d.size() > MembershipStore.BATCH_THRESHOLD)) {
            history.afterCommit();
        }
    }

    Run start(Definitions definitions, MembershipCause cause) {
        return new Run(definitions, cause);
    }

    /** Today (UTC) and the clock's milliseconds over which it stays today. */
    private record Day(LocalDate date, long from, long until) {
    }

    private volatile Day day = new Day(LocalDate.MIN, 0, 0);

    /** Today in UTC: an evaluation asks once per record, so the date is kept until the clock leaves it. */
    LocalDate today() {
        long now = clock.millis();
        Day d = day;
        if (now < d.from() || now >= d.until()) {
            LocalDate date = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(now), ZoneOffset.UTC);
            long from = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            d = new Day(date, from, from + 86_400_000L);
            day = d;
        }
        return d.date();
    }

    /**
     * What a run may read from memory instead of the database: the value store and the access index
     * brought up to every committed change (under the run's locks nothing else can commit around the
     * records it reads), minus whatever the current transaction changed itself — records, placements
     * and memberships it touched are read from the database, as this transaction sees them.
     */
    private final class Memory {
        final ValueStore.View view;
        private final Set<String> dirtyRecords;
        private final Set<String> dirtyPartners = new HashSet<>();
        private final Set<String> dirtyContacts = new HashSet<>();
        private final Set<String> partnersWithDirtyContacts = new HashSet<>();
        private final Set<String> dirtySegments = new HashSet<>();
        private final Set<String> dirtyPairs = new HashSet<>();

        Memory(ValueStore.View view, IndexChanges tx) {
            this.view = view;
            this.dirtyRecords = new HashSet<>(tx.records);
            for (String record : tx.records) {
                if (record.startsWith("c:")) {
                    dirtyContact(record.substring(2), null);
                }
            }
            tx.contacts.forEach(this::dirtyContact);
            tx.partners.keySet().forEach(p -> dirtyRecords.add("p:" + p));
            for (String record : dirtyRecords) {
                if (record.startsWith("p:")) {
                    dirtyPartners.add(record.substring(2));
                }
            }
            dirtySegments.addAll(tx.reloadSegments.keySet());
            dirtySegments.addAll(tx.removedSegments);
            for (String[] m : tx.members) {
                dirtyPairs.add(m[0] + "|" + m[1]);
            }
        }

        private void dirtyContact(String contactId, String newPartner) {
            dirtyContacts.add(contactId);
            int ord = view.contactOrd(contactId);
            if (ord >= 0 && view.hasContact(ord)) {
                partnersWithDirtyContacts.add(view.partnerId(view.partnerOf(ord)).toString());
            }
            if (newPartner != null) {
                partnersWithDirtyContacts.add(newPartner);
            }
        }

        /** The contact's values and placement as committed, if this transaction did not touch them. */
        Directory.Placed contact(String contactId) {
            if (dirtyContacts.contains(contactId)) {
                return null;
            }
            int ord = view.contactOrd(contactId);
            return ord >= 0 && view.hasContact(ord)
                    ? new Directory.Placed(view.contact(ord), view.partnerId(view.partnerOf(ord)).toString()) : null;
        }

        Values partner(String partnerId) {
            if (dirtyRecords.contains("p:" + partnerId)) {
                return null;
            }
            int ord = view.partnerOrd(partnerId);
            return ord >= 0 && view.hasPartner(ord) ? view.partner(ord) : null;
        }

        /** The partner's contacts, unless this transaction changed or moved any of them. */
        List<Values> contactsOf(String partnerId) {
            if (partnersWithDirtyContacts.contains(partnerId) || dirtyRecords.contains("p:" + partnerId)
                    && view.partnerOrd(partnerId) < 0) {
                return null;
            }
            int ord = view.partnerOrd(partnerId);
            if (ord < 0) {
                return null;
            }
            List<Values> list = new ArrayList<>();
            for (int c : view.contactsOf(ord)) {
                list.add(view.contact(c));
            }
            return list;
        }

        /** Whether this transaction left the record alone (the segment and the pair aside: see {@link #clean}). */
        boolean cleanMember(String memberId) {
            return (dirtyContacts.isEmpty() || !dirtyContacts.contains(memberId))
                    && (dirtyPartners.isEmpty() || !dirtyPartners.contains(memberId));
        }

        /** Whether the index may answer for every member of the segment that {@link #cleanMember} allows. */
        boolean cleanSegment(String segmentId) {
            return (dirtySegments.isEmpty() || !dirtySegments.contains(segmentId)) && dirtyPairs.isEmpty();
        }

        /** Whether the index may answer for the pair (the sets are usually empty: no string is built then). */
        boolean clean(String segmentId, String memberId) {
            return (dirtySegments.isEmpty() || !dirtySegments.contains(segmentId))
                    && (dirtyContacts.isEmpty() || !dirtyContacts.contains(memberId))
                    && (dirtyPartners.isEmpty() || !dirtyPartners.contains(memberId))
                    && (dirtyPairs.isEmpty() || !dirtyPairs.contains(segmentId + "|" + memberId));
        }
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
        /** Records read from the directory (the others came from memory). */
        private final Set<String> fromDirectory = new HashSet<>();
        private Memory memory;
        private boolean memoryChecked;
        /** Subject sets queued for more than one segment: never added to ({@link #queue} copies them first). */
        private final Set<Set<String>> sharedSets = Collections.newSetFromMap(new IdentityHashMap<>());
        /** What this rank worked out per subject set, by the set's identity (cleared per rank). */
        private final Map<Set<String>, SubjectSet> subjectSets = new IdentityHashMap<>();

        private Run(Definitions definitions, MembershipCause cause) {
            this.definitions = definitions;
            this.cause = cause;
        }

        /** Memory to read from, caught up with every committed change first; null when not usable (loading). */
        private Memory memory() {
            if (!memoryChecked) {
                memoryChecked = true;
                if (accessIndex.ready() && values.ready()) {
                    follower.catchUpNow();
                    if (follower.applied() >= 0 && accessIndex.ready() && values.ready()) {
                        memory = new Memory(values.view(), index.changes());
                    }
                }
            }
            return memory;
        }

        /** Queues the evaluation of a dynamic segment for some partners or contacts (per its level). */
        Run evaluate(CompiledSegment segment, Collection<String> subjects) {
            return queue(segment, subjects, null);
        }

        /**
         * Queues several segments for the same subjects. The segments queued for them first share one
         * set of the subjects (a partner-wide change queues 10,000 contacts for dozens of segments), so
         * what the run works out per subject — ordinals, placements, whether memory may answer — is
         * worked out once per set ({@link SubjectSet}), not once per segment.
         */
        Run evaluateAll(Collection<CompiledSegment> segments, Collection<String> subjects) {
            Set<String> shared = new LinkedHashSet<>(subjects);
            segments.forEach(s -> queue(s, subjects, shared));
            return this;
        }

        private Run queue(CompiledSegment segment, Collection<String> subjects, Set<String> shared) {
            if (!segment.dynamic() || subjects.isEmpty()) {
                return this;
            }
            Map<String, Set<String>> rank = pending.computeIfAbsent(segment.rank(), r -> new LinkedHashMap<>());
            Set<String> queued = rank.get(segment.id());
            if (queued == null && shared != null) {
                sharedSets.add(shared);
                rank.put(segment.id(), shared);
                return this;
            }
            if (queued == null || sharedSets.contains(queued)) {
                queued = queued == null ? new LinkedHashSet<>() : new LinkedHashSet<>(queued); // never add to a shared set
                rank.put(segment.id(), queued);
            }
            queued.addAll(subjects);
            return this;
        }

        /** Records a diff computed elsewhere (static edits, bulk recomputation), written at once, and follows its consequences. */
        Run applied(CompiledSegment segment, MembershipDiff diff, Map<String, String> partnerOf) {
            if (!diff.isEmpty()) {
                partnerOfContact.putAll(partnerOf);
                memberships.apply(segment.id(), segment.segment().version(), segment.level(), diff, partnerOf, cause);
                expandAfterCommit(List.of(diff));
                remember(segment.id(), diff);
                record(segment, diff, partnerOf);
                cascade(segment, diff);
            }
            return this;
        }

        /** The contact as this run read it (after the change that started the run), if it did. */
        java.util.Optional<Directory.Placed> loadedContact(String contactId) {
            Values v = fromDirectory.contains("c:" + contactId) ? contacts.get(contactId) : null;
            String partnerId = partnerOfContact.get(contactId);
            return v == null || partnerId == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new Directory.Placed(v, partnerId));
        }

        java.util.Optional<Values> loadedPartner(String partnerId) {
            return java.util.Optional.ofNullable(fromDirectory.contains("p:" + partnerId) ? partners.get(partnerId) : null);
        }

        /** The contacts of a partner as the directory has them now (cached for this run). */
        List<Values> contactsOf(String partnerId) {
            return contactsOfPartner.computeIfAbsent(partnerId, p -> {
                Memory m = memory();
                List<Values> inMemory = m == null ? null : m.contactsOf(p);
                return inMemory != null ? inMemory : directory.contactsOf(p);
            });
        }

        /** Processes the queue, writes what changed, then publishes one membership event per changed segment. */
        void finish() {
            long started = System.nanoTime();
            long reading = 0;
            int evaluations = 0;
            while (!pending.isEmpty()) {
                Map<String, Set<String>> rank = pending.pollFirstEntry().getValue();
                subjectSets.clear();
                long t = System.nanoTime();
                prepare(rank);
                reading += System.nanoTime() - t;
                for (Map.Entry<String, Set<String>> entry : rank.entrySet()) {
                    CompiledSegment segment = definitions.get(entry.getKey());
                    if (segment != null) {
                        process(segment, entry.getValue());
                        evaluations += entry.getValue().size();
                    }
                }
            }
            long moved = writes.stream().mapToLong(w -> w.diff().size()).sum();
            long writing = System.nanoTime();
            memberships.applyAll(writes, cause);
            expandAfterCommit(writes.stream().map(MembershipStore.SegmentChange::diff).toList());
            if (moved > 1000) {
                LOG.info("{}: {} evaluations, {} memberships moved in {} segments; read {} ms, evaluated {} ms, wrote {} ms",
                        cause.type(), evaluations, moved, writes.size(), reading / 1_000_000,
                        (writing - started - reading) / 1_000_000, (System.nanoTime() - writing) / 1_000_000);
            }
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
            Set<Set<String>> added = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Map.Entry<String, Set<String>> entry : rank.entrySet()) {
                CompiledSegment segment = definitions.get(entry.getKey());
                if (segment != null && added.add(entry.getValue())) {
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
            // pairs this transaction did not touch are answered by the index when asked (see isMember):
            // only the others are read, and no set of the rest is built (a big change asks for 10,000s)
            Memory m = null;
            boolean asked = false;
            Set<String> dbSegments = new LinkedHashSet<>();
            Set<String> dbMissing = new LinkedHashSet<>();
            for (String segmentId : segmentIds) {
                Set<String> seen = known.getOrDefault(segmentId, Set.of());
                for (String subject : subjects) {
                    if (seen.contains(subject)) {
                        continue;
                    }
                    if (!asked) {
                        asked = true;
                        m = memory();
                    }
                    if (m == null || !m.clean(segmentId, subject) || uuid(subject) == null) {
                        dbSegments.add(segmentId);
                        dbMissing.add(subject);
                    }
                }
            }
            if (dbMissing.isEmpty()) {
                return;
            }
            Map<String, Set<String>> found = memberships.membersAmong(level, dbSegments, dbMissing);
            for (String segmentId : dbSegments) {
                Set<String> seen = known.computeIfAbsent(segmentId, s -> new HashSet<>());
                Set<String> in = members.computeIfAbsent(segmentId, s -> new HashSet<>());
                Set<String> inFound = found.getOrDefault(segmentId, Set.of());
                for (String subject : dbMissing) {
                    if (seen.add(subject) && inFound.contains(subject)) {
                        in.add(subject);
                    }
                }
            }
        }

        /** Membership as this run sees it (a database read for a pair it does not know yet). */
        private boolean isMember(String segmentId, SegmentLevel level, String memberId) {
            if (known.getOrDefault(segmentId, Set.of()).contains(memberId)) {
                return members.getOrDefault(segmentId, Set.of()).contains(memberId);
            }
            Memory m = memory();
            UUID id = m == null ? null : uuid(memberId);
            if (id != null && m.clean(segmentId, memberId)) {
                return accessIndex.isMember(uuid(segmentId), id);
            }
            boolean member = memberships.isMember(segmentId, level, memberId);
            known.computeIfAbsent(segmentId, s -> new HashSet<>()).add(memberId);
            if (member) {
                members.computeIfAbsent(segmentId, s -> new HashSet<>()).add(memberId);
            }
            return member;
        }

        private final Map<String, UUID> uuids = new HashMap<>();

        /** An id as a UUID, parsed once per run (null when it is not one). */
        private UUID uuid(String id) {
            return uuids.computeIfAbsent(id, io.partnerportal.segments.domain.index.DenseIds::parse);
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
            String segmentId = segment.id();
            SubjectSet many = partnerLevel ? null : subjectSet(subjects);
            Memory m = memory;
            boolean segmentClean = many != null && m.cleanSegment(segmentId);
            if (partnerLevel) {
                preloadPartners(subjects);
            } else if (many == null) {
                preloadContacts(subjects);
            }
            if (!(segmentClean && many.allClean())) {
                load(segment.level(), Set.of(segmentId), subjects); // some pairs are not the index's to answer
            }
            // one pass: evaluate each subject and compare with its membership as this run sees it
            UUID segmentUuid = uuid(segmentId);
            Set<String> seen = known.getOrDefault(segmentId, Set.of());
            Set<String> in = members.getOrDefault(segmentId, Set.of());
            Set<String> joined = new HashSet<>();
            Set<String> left = new HashSet<>();
            Columnwise columnwise = many == null ? null : columnwise(segment, many);
            int position = 0;
            int segmentColumn = columnwise == null ? -1 : indexRows.refresh(m.view).contactSegmentColumn(segmentUuid);
            for (String subject : subjects) {
                boolean now = false;
                int at = position++;
                int ord = columnwise == null ? -1 : columnwise.ordinals[at];
                if (ord >= 0) {
                    now = BulkEvaluation.test(columnwise.selected, ord);
                } else if (segment.condition() != null) {
                    if (partnerLevel) {
                        Values partner = partners.get(subject);
                        now = partner != null && segment.condition().matches(partner, null, live);
                    } else {
                        Values contact = contacts.get(subject);
                        String partnerId = partnerOfContact.get(subject);
                        Values partner = partnerId == null ? null : partner(partnerId);
                        now = contact != null && partner != null && segment.condition().matches(partner, contact, live);
                    }
                }
                boolean was;
                if (!seen.isEmpty() && seen.contains(subject)) {
                    was = in.contains(subject);
                } else if (ord >= 0 && (segmentClean ? many.clean()[at] : m.clean(segmentId, subject))) {
                    was = indexRows.isMember(ord, segmentColumn);
                } else {
                    UUID id = m == null ? null : ord >= 0 ? m.view.contactId(ord) : uuid(subject);
                    was = id != null && m.clean(segmentId, subject) ? accessIndex.isMember(segmentUuid, id)
                            : isMember(segmentId, segment.level(), subject);
                }
                if (now != was) {
                    (now ? joined : left).add(subject);
                }
            }
            Map<String, String> partnerOf = new HashMap<>();
            for (Set<String> moved : List.of(joined, left)) {
                for (String subject : moved) {
                    String partnerId = partnerLevel ? subject : partnerOfContact.get(subject);
                    if (partnerId != null) {
                        partnerOf.put(subject, partnerId);
                    }
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

        /**
         * Many contacts against a condition that reads only their own and their partners' values: decided
         * for all of them at once, column-wise over the value store ({@link RunRecords}), for every
         * subject this transaction did not change itself; null when record-at-a-time is the better way.
         */
        private Columnwise columnwise(CompiledSegment segment, SubjectSet many) {
            if (many.records() == null || segment.condition() == null || !segment.condition().readsOwnValuesOnly()) {
                return null;
            }
            return new Columnwise(many.ordinals(), segment.condition().select(SegmentLevel.CONTACT, many.records()));
        }

        /**
         * What the run needs per contact of a set of at least {@link #COLUMNWISE_MIN} contacts, worked
         * out once per rank for all the segments queued with the set: the contacts loaded, their
         * value-store ordinals (-1: evaluated record-at-a-time) with their partners as a {@link
         * RunRecords} population (null when none qualifies), and per contact whether this transaction
         * left it alone so memory may answer for it. Null without memory or for fewer contacts.
         */
        private SubjectSet subjectSet(Set<String> subjects) {
            if (subjects.size() < COLUMNWISE_MIN || memory() == null) {
                return null;
            }
            SubjectSet known = subjectSets.get(subjects);
            if (known != null) {
                return known;
            }
            preloadContacts(subjects);
            Memory m = memory;
            RunRecords records = new RunRecords(m.view, today);
            int[] ordinals = new int[subjects.size()];
            boolean[] clean = new boolean[subjects.size()];
            boolean allClean = true;
            int position = 0;
            int any = 0;
            int lastPartnerOrd = -1;
            String lastPartnerId = null;
            Values lastPartner = null;
            for (String subject : subjects) {
                int at = position++;
                clean[at] = m.cleanMember(subject) && uuid(subject) != null;
                allClean &= clean[at];
                // a contact this transaction did not change was read from the store: its view knows its ordinal
                int ord = m.view.contactOrd(contacts.get(subject));
                int partnerOrd = ord >= 0 && m.view.hasContact(ord) ? m.view.partnerOf(ord) : -1;
                if (partnerOrd >= 0 && partnerOrd != lastPartnerOrd) {
                    lastPartnerOrd = partnerOrd;
                    lastPartnerId = m.view.partnerId(partnerOrd).toString();
                    lastPartner = partner(lastPartnerId);
                }
                if (partnerOrd < 0 || lastPartner == null || !lastPartnerId.equals(partnerOfContact.get(subject))) {
                    ordinals[at] = -1; // evaluated record-at-a-time
                    continue;
                }
                records.add(ord, partnerOrd, lastPartner);
                ordinals[at] = ord;
                any++;
            }
            SubjectSet set = new SubjectSet(ordinals, any == 0 ? null : records, clean, allClean);
            subjectSets.put(subjects, set);
            return set;
        }

        private final IndexRows indexRows = new IndexRows();

        /** The access index's rows of contacts by their value-store ordinals, looked up once per run (and generation). */
        private final class IndexRows {
            private AccessIndex.Snapshot snapshot;
            private ValueStore.View view;
            private int[] rowByOrd;

            AccessIndex.Snapshot refresh(ValueStore.View view) {
                if (snapshot == null || !snapshot.current() || this.view != view) {
                    snapshot = accessIndex.snapshot();
                    this.view = view;
                    rowByOrd = new int[view.contactBound()];
                    java.util.Arrays.fill(rowByOrd, -2);
                }
                return snapshot;
            }

            boolean isMember(int ord, int segmentColumn) {
                if (segmentColumn < 0) {
                    return false;
                }
                int row = ord < rowByOrd.length ? rowByOrd[ord] : snapshot.contactRow(view.contactId(ord));
                if (row == -2) {
                    row = snapshot.contactRow(view.contactId(ord));
                    rowByOrd[ord] = row;
                }
                return snapshot.isContactMember(row, segmentColumn);
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
            List<String> missing = new ArrayList<>();
            Memory m = null;
            for (String id : ids) {
                if (partners.containsKey(id)) {
                    continue;
                }
                m = m == null ? memory() : m;
                Values inMemory = m == null ? null : m.partner(id);
                if (inMemory != null) {
                    partners.put(id, inMemory);
                } else {
                    missing.add(id);
                }
            }
            if (!missing.isEmpty()) {
                directory.partners(missing).forEach(v -> {
                    partners.put(v.id(), v);
                    fromDirectory.add("p:" + v.id());
                });
            }
        }

        private void preloadContacts(Collection<String> ids) {
            List<String> missing = new ArrayList<>();
            Memory m = null;
            for (String id : ids) {
                if (contacts.containsKey(id)) {
                    continue;
                }
                m = m == null ? memory() : m;
                Directory.Placed inMemory = m == null ? null : m.contact(id);
                if (inMemory != null) {
                    contacts.put(id, inMemory.contact());
                    partnerOfContact.put(id, inMemory.partnerId());
                } else {
                    missing.add(id);
                }
            }
            if (!missing.isEmpty()) {
                for (Directory.Placed placed : directory.placedContacts(missing)) {
                    contacts.put(placed.contact().id(), placed.contact());
                    partnerOfContact.put(placed.contact().id(), placed.partnerId());
                    fromDirectory.add("c:" + placed.contact().id());
                }
            }
            preloadPartners(ids.stream().map(partnerOfContact::get).filter(java.util.Objects::nonNull)
                    .distinct().toList());
        }

        private Values partner(String partnerId) {
            if (!partners.containsKey(partnerId)) {
                preloadPartners(List.of(partnerId));
                partners.putIfAbsent(partnerId, null);
            }
            return partners.get(partnerId);
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

    /** See {@link Run#subjectSet}. */
    private record SubjectSet(int[] ordinals, RunRecords records, boolean[] clean, boolean allClean) {
    }

    /**
     * Contacts decided column-wise: their value-store ordinals in the order of the subjects (-1: decided
     * record-at-a-time) and the selected ones as bits over those ordinals.
     */
    private record Columnwise(int[] ordinals, long[] selected) {
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
