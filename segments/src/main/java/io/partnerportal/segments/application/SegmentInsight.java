package io.partnerportal.segments.application;

import io.micronaut.context.BeanProvider;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.segments.api.SegmentAccess;
import io.partnerportal.segments.api.SegmentPermissions;
import io.partnerportal.segments.application.SegmentRegistry.Definitions;
import io.partnerportal.segments.application.port.Directory;
import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.application.port.SegmentStore;
import io.partnerportal.segments.domain.segment.Segment;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.condition.CompiledCondition;
import io.partnerportal.segments.domain.condition.Condition;
import io.partnerportal.segments.domain.condition.ConditionError;
import io.partnerportal.segments.domain.condition.ConditionParser;
import io.partnerportal.segments.domain.condition.ConditionValidator;
import io.partnerportal.segments.domain.condition.ConditionWarning;
import io.partnerportal.segments.domain.condition.EvaluationContext;
import io.partnerportal.segments.domain.condition.ExplainedNode;
import io.partnerportal.segments.domain.condition.Explanation;
import io.partnerportal.segments.domain.condition.ParseResult;
import io.partnerportal.segments.domain.condition.Scope;
import io.partnerportal.segments.domain.condition.SegmentGraph;
import io.partnerportal.segments.domain.condition.SegmentRefs;
import io.partnerportal.segments.domain.condition.Values;
import io.partnerportal.segments.spi.GatedItems;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What makes admins trust segments: preview a condition before saving it, explain why a record
 * is or is not a member, and explain a contact's whole access.
 */
@Singleton
@Transactional
public class SegmentInsight {

    private static final String CONDITION = "/condition";

    private final SegmentStore store;
    private final MembershipStore memberships;
    private final SegmentRegistry registry;
    private final SegmentRecomputation recomputation;
    private final MembershipEngine engine;
    private final Directory directory;
    private final MemberListing listing;
    private final SegmentAccess access;
    private final SegmentAdministration administration;
    private final BeanProvider<GatedItems> gatedItems;
    private final ValueStore values;
    private final AccessIndex accessIndex;
    private final IndexTransactions indexTransactions;
    private final IndexFollower follower;

    SegmentInsight(SegmentStore store, MembershipStore memberships, SegmentRegistry registry,
                   SegmentRecomputation recomputation, MembershipEngine engine, Directory directory,
                   MemberListing listing, SegmentAccess access, SegmentAdministration administration,
                   BeanProvider<GatedItems> gatedItems, ValueStore values, AccessIndex accessIndex,
                   IndexTransactions indexTransactions, IndexFollower follower) {
        this.values = values;
        this.accessIndex = accessIndex;
        this.indexTransactions = indexTransactions;
        this.follower = follower;
        this.store = store;
        this.memberships = memberships;
        this.registry = registry;
        this.recomputation = recomputation;
        this.engine = engine;
        this.directory = directory;
        this.listing = listing;
        this.access = access;
        this.administration = administration;
        this.gatedItems = gatedItems;
    }

    /** The result of a preview: counts, a page of members, and who would join or leave the saved segment. */
    public record Preview(long memberCount, long contactCount, Page<MemberListing.Member> sample, long joinedCount,
                          Page<MemberListing.Member> joined, long leftCount, Page<MemberListing.Member> left,
                          List<ConditionWarning> warnings, long millis) {
    }

    /** Evaluates a condition over every record without saving anything (same validation as saving). */
    public Preview preview(SegmentLevel level, Object conditionJson, String segmentId, PageRequest page) {
        long started = System.nanoTime();
        List<FieldError> errors = new ArrayList<>();
        Segment saved = null;
        if (segmentId != null) {
            saved = store.find(segmentId).orElse(null);
            if (saved == null) {
                errors.add(FieldError.at("/segmentId", "unknown_segment", "no segment with id " + segmentId));
            } else if (level != null && saved.level() != level) {
                errors.add(FieldError.at("/level", "immutable", "the saved segment is " + saved.level().jsonName()
                        + "-level"));
            }
        }
        if (level == null) {
            errors.add(FieldError.at("/level", "required", "level is required (partner or contact)"));
        }
        if (conditionJson == null) {
            errors.add(FieldError.at(CONDITION, "required", "a condition is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, Segment> all = new HashMap<>();
        store.findAll().forEach(s -> all.put(s.id(), s));
        Condition condition = validate(conditionJson, level, segmentId, all);
        SegmentRefs refs = id -> Optional.ofNullable(all.get(id)).map(Segment::level);
        CompiledCondition compiled = CompiledCondition.compile(condition, level, directory.catalogue(), refs);
        List<ConditionWarning> lint = administration.warnings(new Segment("preview", "preview", "", level,
                io.partnerportal.segments.domain.segment.SegmentKind.DYNAMIC, condition, null, 0, null, null));
        if (values.ready() && accessIndex.ready() && !indexTransactions.pending()) {
            return previewInMemory(compiled, level, saved, page, lint, started);
        }
        boolean readsContacts = level == SegmentLevel.PARTNER
                && condition.readProperties().stream().anyMatch(r -> r.scope() == Scope.CONTACT);
        Set<String> members = recomputation.members(compiled, level, condition.referencedSegments(), readsContacts,
                engine.today(), new HashMap<>());
        List<String> sorted = sorted(members);
        long contactCount = level == SegmentLevel.CONTACT ? members.size() : members.stream()
                .mapToLong(p -> memberships.contactsOfPartner(p).size()).sum();
        Set<String> current = saved == null ? Set.of() : memberships.allMembers(saved.id(), saved.level());
        List<String> joined = sorted(difference(members, current));
        List<String> left = sorted(difference(current, members));
        return new Preview(members.size(), contactCount, pageOf(level, sorted, page), joined.size(),
                pageOf(level, joined, page), left.size(), pageOf(level, left, page), lint,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The preview from memory: the condition decided for every record in one pass over the columns
     * it reads, referenced and saved memberships from the access index, counts from bitsets, and only
     * the requested page of member ids picked out (smallest ids first) and described.
     */
    private Preview previewInMemory(CompiledCondition compiled, SegmentLevel level, Segment saved, PageRequest page,
                                    List<ConditionWarning> warnings, long started) {
        follower.catchUpNow();
        ValueStore.View view = values.view();
        BulkEvaluation.Records records = new BulkEvaluation.Records(view, engine.today(), accessIndex::forEachMember);
        boolean partnerLevel = level == SegmentLevel.PARTNER;
        long[] members = compiled.select(level, records);
        long contactCount = 0;
        if (partnerLevel) {
            for (int w = 0; w < members.length; w++) {
                long word = members[w];
                while (word != 0) {
                    contactCount += view.contactsOf((w << 6) + Long.numberOfTrailingZeros(word)).length;
                    word &= word - 1;
                }
            }
        } else {
            contactCount = BulkEvaluation.cardinality(members);
        }
        long[] current = saved == null ? new long[members.length]
                : partnerLevel ? records.partnerMembers(saved.id()) : records.contactMembers(saved.id());
        long[] joined = new long[members.length];
        long[] left = new long[members.length];
        for (int w = 0; w < members.length; w++) {
            long have = current != null && w < current.length ? current[w] : 0;
            joined[w] = members[w] & ~have;
            left[w] = have & ~members[w];
        }
        return new Preview(BulkEvaluation.cardinality(members), contactCount, firstPage(level, members, view, page),
                BulkEvaluation.cardinality(joined), firstPage(level, joined, view, page), BulkEvaluation.cardinality(left),
                firstPage(level, left, view, page), warnings, (System.nanoTime() - started) / 1_000_000);
    }

    /** The page of member ids in id order without sorting them all: a bounded heap of the smallest ids. */
    private Page<MemberListing.Member> firstPage(SegmentLevel level, long[] bits, ValueStore.View view,
                                                 PageRequest page) {
        long total = BulkEvaluation.cardinality(bits);
        int wanted = (int) Math.min(total, page.offset() + page.size());
        java.util.PriorityQueue<java.util.UUID> heap = new java.util.PriorityQueue<>(Math.max(1, wanted + 1),
                (a, b) -> FullRecomputation.compare(b, a));
        if (wanted > 0) {
            BulkEvaluation.forEachId(bits, level == SegmentLevel.PARTNER, view, (ord, id) -> {
                if (heap.size() < wanted) {
                    heap.add(id);
                } else if (FullRecomputation.compare(id, heap.peek()) < 0) {
                    heap.poll();
                    heap.add(id);
                }
            });
        }
        List<java.util.UUID> smallest = new ArrayList<>(heap);
        smallest.sort(FullRecomputation::compare);
        int from = (int) Math.min(page.offset(), smallest.size());
        List<String> ids = smallest.subList(from, smallest.size()).stream().map(java.util.UUID::toString).toList();
        return Page.of(listing.describe(level, ids), page, total);
    }

    /** Why a contact or partner is (not) in a segment: the condition tree with each node's result and values. */
    public Map<String, Object> explain(String segmentId, String contactId, String partnerId) {
        Segment segment = store.find(segmentId).orElseThrow(() -> NotFoundException.of("Segment", segmentId));
        if (contactId == null && partnerId == null) {
            throw InvalidInputException.parameter("contactId", "required", "give contactId or partnerId");
        }
        Values contact = null;
        String partnerOf = partnerId;
        if (contactId != null) {
            contact = directory.contact(contactId).orElseThrow(() -> NotFoundException.of("Contact", contactId));
            partnerOf = directory.partnerOf(contactId).orElseThrow();
        } else if (segment.level() == SegmentLevel.CONTACT) {
            throw InvalidInputException.parameter("contactId", "required",
                    "a contact-level segment is explained for a contact: give contactId");
        }
        String partnerKey = partnerOf;
        Values partner = directory.partner(partnerKey).orElseThrow(() -> NotFoundException.of("Partner", partnerKey));
        Definitions definitions = registry.current();
        CompiledSegment compiled = definitions.get(segmentId);
        boolean member = segment.level() == SegmentLevel.PARTNER ? memberships.isMember(segmentId, segment.level(),
                partner.id()) : memberships.isMember(segmentId, segment.level(), contact.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("segmentId", segment.id());
        out.put("segmentName", segment.name());
        out.put("segmentVersion", segment.version());
        out.put("level", segment.level().jsonName());
        out.put("kind", segment.kind().jsonName());
        out.put("subject", Map.of("type", segment.level().jsonName(), "id",
                segment.level() == SegmentLevel.PARTNER ? partner.id() : contact.id()));
        if (segment.level() == SegmentLevel.PARTNER && contactId != null) {
            out.put("via", "partner");
        }
        out.put("member", member);
        if (!segment.isDynamic() || compiled == null || compiled.condition() == null) {
            out.put("result", member);
            out.put("reason", segment.isDynamic() ? "the condition does not compile against the catalogue"
                    : "static segment: members are picked by hand");
            return out;
        }
        Explanation explanation = compiled.condition().explain(partner, segment.level() == SegmentLevel.PARTNER
                ? null : contact, new LookupContext());
        out.put("result", explanation.result());
        out.put("consistent", explanation.result() == member);
        out.put("tree", node(explanation.root(), definitions, partner, contact, true));
        return out;
    }

    /** Every version of a segment, newest first. */
    public List<Map<String, Object>> versions(String segmentId) {
        store.find(segmentId).orElseThrow(() -> NotFoundException.of("Segment", segmentId));
        return store.versions(segmentId);
    }

    /** A contact's whole effective access: segments, role, permissions, and every gated item. */
    public Map<String, Object> contactAccess(String contactId) {
        Values contact = directory.contact(contactId).orElseThrow(() -> NotFoundException.of("Contact", contactId));
        String partnerId = directory.partnerOf(contactId).orElseThrow();
        Values partner = directory.partner(partnerId).orElseThrow();
        Set<String> partnerSegments = memberships.segmentsOfPartner(partnerId);
        List<Map<String, Object>> segments = new ArrayList<>();
        for (String id : access.segmentsOfContact(contactId)) {
            store.find(id).ifPresent(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", s.id());
                m.put("name", s.name());
                m.put("level", s.level().jsonName());
                m.put("via", partnerSegments.contains(id) ? "partner" : null);
                segments.add(m);
            });
        }
        SegmentPermissions permissions = access.permissionsOf(contactId);
        Map<String, Object> perms = new LinkedHashMap<>();
        perms.put("inviteTeamMembers", permission(permissions.inviteTeamMembers(), permissions.inviteDecidedBy(),
                "portal default: invites allowed"));
        perms.put("collaborationRestricted", permission(permissions.collaborationRestricted(),
                permissions.collaborationDecidedBy(), "portal default: not restricted"));
        List<GatedItems.Decision> items = new ArrayList<>();
        gatedItems.stream().forEach(g -> items.addAll(g.describe(contactId)));
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("id", contact.id());
        who.put("email", contact.value("email"));
        who.put("partnerId", partnerId);
        who.put("partnerName", partner.value("name"));
        out.put("contact", who);
        out.put("effectiveRole", contact.value("role"));
        out.put("segments", segments);
        out.put("permissions", perms);
        out.put("items", items);
        return out;
    }

    private Map<String, Object> permission(boolean value, String decidedBy, String defaultReason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        if (decidedBy == null) {
            m.put("decidedBy", null);
            m.put("reason", defaultReason);
        } else {
            String name = store.find(decidedBy).map(Segment::name).orElse(decidedBy);
            m.put("decidedBy", Map.of("id", decidedBy, "name", name));
            m.put("reason", "segment " + name);
        }
        return m;
    }

    private Map<String, Object> node(ExplainedNode n, Definitions definitions, Values partner, Values contact,
                                     boolean expand) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pointer", n.pointer());
        m.put("kind", n.kind());
        m.put("result", n.result());
        m.put("evaluated", n.evaluated());
        m.put("shortCircuited", !n.evaluated());
        m.put("property", n.property());
        m.put("operator", n.operator());
        m.put("actual", json(n.actual()));
        m.put("expected", json(n.expected()));
        m.put("text", n.text());
        // below any_contact / all_contacts each child is about one contact of the partner: an in_segment
        // there is expanded for that contact, not for the contact (if any) the explanation started from
        Values scoped = "contact".equals(n.kind()) && n.actual() instanceof String iterated
                ? directory.contact(iterated).orElse(contact) : contact;
        List<Map<String, Object>> children = new ArrayList<>();
        for (ExplainedNode child : n.children()) {
            children.add(node(child, definitions, partner, scoped, expand));
        }
        m.put("children", children);
        if (expand && n.evaluated() && ("in_segment".equals(n.kind()) || "not_in_segment".equals(n.kind()))
                && n.expected() instanceof String referenced) {
            CompiledSegment ref = definitions.get(referenced);
            if (ref != null) {
                Map<String, Object> expanded = new LinkedHashMap<>();
                expanded.put("segmentId", ref.id());
                expanded.put("segmentName", ref.segment().name());
                expanded.put("segmentVersion", ref.segment().version());
                if (ref.condition() != null) {
                    Explanation e = ref.condition().explain(partner, ref.level() == SegmentLevel.PARTNER ? null : contact,
                            new LookupContext());
                    expanded.put("result", e.result());
                    expanded.put("tree", node(e.root(), definitions, partner, contact, false));
                } else {
                    expanded.put("reason", "static segment: members are picked by hand");
                }
                m.put("expanded", expanded);
            }
        }
        return m;
    }

    private static Object json(Object value) {
        if (value instanceof Temporal) {
            return value.toString();
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().map(SegmentInsight::json).toList();
        }
        return value;
    }

    private Condition validate(Object json, SegmentLevel level, String segmentId, Map<String, Segment> all) {
        ParseResult parsed = ConditionParser.parse(json, CONDITION);
        if (!parsed.errors().isEmpty()) {
            throw new InvalidInputException(parsed.errors().stream().map(SegmentInsight::error).toList());
        }
        Condition condition = parsed.condition();
        SegmentRefs refs = id -> segmentId != null && id.equals(segmentId) ? Optional.of(level)
                : Optional.ofNullable(all.get(id)).map(Segment::level);
        List<ConditionError> invalid = ConditionValidator.validate(condition, level, directory.catalogue(), refs,
                CONDITION);
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid.stream().map(SegmentInsight::error).toList());
        }
        if (segmentId != null) {
            SegmentGraph.findCycle(segmentId, condition.referencedSegments(), other -> all.containsKey(other)
                    && all.get(other).isDynamic() ? all.get(other).condition().referencedSegments() : Set.of())
                    .ifPresent(cycle -> {
                        throw InvalidInputException.of(CONDITION, "cycle", "the condition refers back to the segment: "
                                + String.join(" → ", cycle));
                    });
        }
        return condition;
    }

    private static FieldError error(ConditionError e) {
        return FieldError.at(e.pointer(), e.code(), e.message());
    }

    private Page<MemberListing.Member> pageOf(SegmentLevel level, List<String> ids, PageRequest page) {
        int from = (int) Math.min(page.offset(), ids.size());
        int to = Math.min(ids.size(), from + page.size());
        return Page.of(listing.describe(level, ids.subList(from, to)), page, ids.size());
    }

    private static List<String> sorted(Set<String> ids) {
        List<String> list = new ArrayList<>(ids);
        list.sort(null);
        return list;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }

    /** Live lookups for explanations (a handful per request). */
    private final class LookupContext implements EvaluationContext {
        @Override
        public LocalDate today() {
            return engine.today();
        }

        @Override
        public Iterable<? extends Values> contactsOf(String partnerId) {
            return directory.contactsOf(partnerId);
        }

        @Override
        public boolean partnerIn(String segmentId, String partnerId) {
            return memberships.isMember(segmentId, SegmentLevel.PARTNER, partnerId);
        }

        @Override
        public boolean contactIn(String segmentId, String contactId) {
            return memberships.isMember(segmentId, SegmentLevel.CONTACT, contactId);
        }
    }
}
