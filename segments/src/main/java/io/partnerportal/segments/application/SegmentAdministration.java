package io.partnerportal.segments.application;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.partnerportal.common.ConfigurationChanged;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConflictException;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.StaleVersionException;
import io.partnerportal.segments.application.SegmentRegistry.Definitions;
import io.partnerportal.segments.application.port.Directory;
import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.application.port.SegmentStore;
import io.partnerportal.segments.domain.segment.MembershipCause;
import io.partnerportal.segments.domain.segment.MembershipDiff;
import io.partnerportal.segments.domain.segment.Segment;
import io.partnerportal.segments.domain.segment.SegmentKind;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.condition.Condition;
import io.partnerportal.segments.domain.condition.ConditionError;
import io.partnerportal.segments.domain.condition.ConditionLint;
import io.partnerportal.segments.domain.condition.ConditionParser;
import io.partnerportal.segments.domain.condition.ConditionValidator;
import io.partnerportal.segments.domain.condition.ConditionWarning;
import io.partnerportal.segments.domain.condition.LintData;
import io.partnerportal.segments.domain.condition.ParseResult;
import io.partnerportal.segments.domain.condition.PropertyRef;
import io.partnerportal.segments.domain.condition.SegmentGraph;
import io.partnerportal.segments.domain.condition.SegmentRefs;
import io.partnerportal.segments.spi.GatedItems;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The admin use cases of segments: create, replace, delete, edit static members, recompute.
 * Definition changes take the definitions lock exclusively and compute membership within the
 * request, so the answer's member count is exact and no concurrent re-evaluation uses stale
 * definitions.
 */
@Singleton
public class SegmentAdministration {

    public static final int MAX_STATIC_IDS = 10_000;
    private static final String CONDITION = "/condition";

    private final SegmentStore store;
    private final MembershipStore memberships;
    private final SegmentRegistry registry;
    private final MembershipEngine engine;
    private final SegmentRecomputation recomputation;
    private final Directory directory;
    private final BeanProvider<GatedItems> gatedItems;
    private final ApplicationEventPublisher<ConfigurationChanged> audit;
    private final IndexTransactions index;
    private final AccessIndex accessIndex;
    private final ValueStore values;
    private final FullRecomputation fullRecomputation;

    SegmentAdministration(SegmentStore store, MembershipStore memberships, SegmentRegistry registry,
                          MembershipEngine engine, SegmentRecomputation recomputation, Directory directory,
                          BeanProvider<GatedItems> gatedItems, ApplicationEventPublisher<ConfigurationChanged> audit,
                          IndexTransactions index, AccessIndex accessIndex, ValueStore values,
                          FullRecomputation fullRecomputation) {
        this.fullRecomputation = fullRecomputation;
        this.values = values;
        this.audit = audit;
        this.index = index;
        this.accessIndex = accessIndex;
        this.store = store;
        this.memberships = memberships;
        this.registry = registry;
        this.engine = engine;
        this.recomputation = recomputation;
        this.directory = directory;
        this.gatedItems = gatedItems;
    }

    @Transactional
    public SegmentView create(SegmentDraft draft, Actor actor) {
        store.lockDefinitions(true);
        String id = UUID.randomUUID().toString();
        Condition condition = validate(draft, id, null);
        Instant now = Instant.now();
        Segment segment = new Segment(id, draft.name().strip(), description(draft), draft.level(), draft.kind(),
                condition, draft.permissions(), 1, now, now);
        store.insert(segment, actor);
        store.bumpDefinitionsVersion();
        recompute(segment, new MembershipCause("segment_edit", Map.of("version", 1L, "created", true), actor));
        index.changes().reload(segment.id(), segment.level().jsonName());
        audit(segment, "created", null, segment, actor);
        return view(segment);
    }

    @Transactional
    public SegmentView replace(String id, SegmentDraft draft, Actor actor) {
        store.lockDefinitions(true);
        Segment current = store.findForUpdate(id).orElseThrow(() -> NotFoundException.of("Segment", id));
        if (draft.version() != null && draft.version() != current.version()) {
            throw new StaleVersionException("Segment " + current.name(), draft.version(), current.version());
        }
        Condition condition = validate(draft, id, current);
        Segment revised = current.revise(draft.name().strip(), description(draft), condition, draft.permissions(),
                Instant.now());
        store.update(revised, actor);
        store.bumpDefinitionsVersion();
        recompute(revised, new MembershipCause("segment_edit", Map.of("version", revised.version()), actor));
        audit(revised, "updated", current, revised, actor);
        return view(revised);
    }

    @Transactional
    public void delete(String id, Actor actor) {
        store.lockDefinitions(true);
        Segment segment = store.findForUpdate(id).orElseThrow(() -> NotFoundException.of("Segment", id));
        List<GatedItems.Usage> usages = usages(id);
        if (!usages.isEmpty()) {
            throw new ConflictException("Segment '" + segment.name() + "' is used in " + usages.size()
                    + " place(s); remove it from them first.", Map.of("usages", usages.stream().map(u -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("kind", u.kind());
                        m.put("id", u.id());
                        m.put("name", u.name());
                        m.put("detail", u.detail());
                        return m;
                    }).toList()));
        }
        MembershipCause cause = new MembershipCause("segment_deleted", Map.of("version", segment.version()), actor);
        Definitions definitions = registry.withinTransaction();
        CompiledSegment compiled = definitions.get(id);
        Set<String> members = memberships.allMembers(id, segment.level());
        Map<String, String> partnerOf = partnerOf(segment.level(), members);
        engine.start(definitions, cause).applied(compiled, new MembershipDiff(Set.of(), members), partnerOf).finish();
        store.delete(id);
        store.bumpDefinitionsVersion();
        index.changes().removed(id);
        audit(segment, "deleted", segment, null, actor);
    }

    @Transactional
    public Optional<SegmentView> find(String id) {
        return store.find(id).map(this::view);
    }

    @Transactional
    public Page<SegmentView> list(String query, SegmentLevel level, SegmentKind kind, PageRequest page) {
        return store.list(query, level, kind, page).map(s -> new SegmentView(s, memberCount(s), contactCount(s),
                List.of()));
    }

    /** From the in-memory index when it is current for this transaction, else from the database. */
    private long memberCount(Segment s) {
        return indexUsable() ? accessIndex.memberCount(s.id()) : memberships.memberCount(s.id(), s.level());
    }

    private long contactCount(Segment s) {
        return indexUsable() ? accessIndex.contactCount(s.id()) : memberships.contactCount(s.id(), s.level());
    }

    private boolean indexUsable() {
        return accessIndex.ready() && !index.pending();
    }

    /** Every place the segment is used: other segments' conditions and every gated item of other modules. */
    @Transactional
    public List<GatedItems.Usage> usages(String id) {
        List<GatedItems.Usage> usages = new ArrayList<>();
        for (Segment other : store.findAll()) {
            if (other.isDynamic() && other.condition().referencedSegments().contains(id)) {
                usages.add(new GatedItems.Usage("segment", other.id(), other.name(), "condition of segment "
                        + other.name()));
            }
        }
        gatedItems.stream().forEach(g -> usages.addAll(g.usages(id)));
        return usages;
    }

    @Transactional
    public MembershipDiff addMembers(String id, List<String> ids, Actor actor) {
        return editMembers(id, ids, true, actor);
    }

    @Transactional
    public MembershipDiff removeMembers(String id, List<String> ids, Actor actor) {
        return editMembers(id, ids, false, actor);
    }

    private MembershipDiff editMembers(String id, List<String> ids, boolean add, Actor actor) {
        store.lockDefinitions(true);
        Segment segment = store.findForUpdate(id).orElseThrow(() -> NotFoundException.of("Segment", id));
        if (segment.isDynamic()) {
            throw new ConflictException("Segment '" + segment.name() + "' is dynamic: its members follow its "
                    + "condition and cannot be edited by hand.");
        }
        if (ids.size() > MAX_STATIC_IDS) {
            throw InvalidInputException.of("/ids", "too_many_values", "at most " + MAX_STATIC_IDS + " ids per request");
        }
        Set<String> unique = new LinkedHashSet<>(ids);
        Map<String, String> partnerOf = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        if (add) {
            Set<String> known = new HashSet<>();
            if (segment.level() == SegmentLevel.PARTNER) {
                directory.partners(unique).forEach(v -> known.add(v.id()));
                known.forEach(p -> partnerOf.put(p, p));
            } else {
                directory.contacts(unique).forEach(v -> known.add(v.id()));
                for (String c : known) {
                    directory.partnerOf(c).ifPresent(p -> partnerOf.put(c, p));
                }
            }
            int i = 0;
            for (String memberId : ids) {
                if (!known.contains(memberId)) {
                    errors.add(FieldError.at(JsonPointer.append("/ids", i), "unknown_member",
                            "no " + segment.level().jsonName() + " with id " + memberId));
                }
                i++;
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }
        Set<String> present = memberships.membersAmong(id, segment.level(), validIds(unique));
        MembershipDiff diff;
        if (add) {
            Set<String> joined = new LinkedHashSet<>(unique);
            joined.removeAll(present);
            diff = new MembershipDiff(joined, Set.of());
        } else {
            diff = new MembershipDiff(Set.of(), present);
            partnerOf.putAll(partnerOf(segment.level(), present));
        }
        Definitions definitions = registry.withinTransaction();
        MembershipCause cause = new MembershipCause("static_edit", Map.of("version", segment.version(),
                "action", add ? "add" : "remove"), actor);
        engine.start(definitions, cause).applied(definitions.get(id), diff, partnerOf).finish();
        if (!diff.isEmpty()) {
            audit.publishEvent(new ConfigurationChanged("segment", id, segment.name(), add ? "members_added"
                    : "members_removed", null, Map.of("joined", List.copyOf(diff.joined()), "left",
                    List.copyOf(diff.left())), actor, Instant.now()));
        }
        return diff;
    }

    /**
     * Recomputes every segment from scratch (the whole directory read into memory, every segment
     * evaluated there) and writes and reports what was off; see {@link FullRecomputation}.
     */
    @Transactional
    public RecomputeReport recomputeAll(Actor actor) {
        return fullRecomputation.run(actor);
    }

    /** Recomputes the segments whose conditions use relative dates (run daily at 00:00 UTC). */
    @Transactional
    public int reevaluateRelativeDates(Actor actor) {
        store.lockDefinitions(true);
        Definitions definitions = registry.withinTransaction();
        MembershipEngine.Run run = engine.start(definitions, new MembershipCause("daily", Map.of(), actor));
        int count = 0;
        for (CompiledSegment segment : definitions.all().stream()
                .sorted(java.util.Comparator.comparingInt(CompiledSegment::rank)).toList()) {
            if (segment.relativeDates()) {
                recomputation.recompute(segment, run, engine.today());
                count++;
            }
        }
        run.finish();
        return count;
    }

    private void recompute(Segment segment, MembershipCause cause) {
        Definitions definitions = registry.withinTransaction();
        MembershipEngine.Run run = engine.start(definitions, cause);
        recomputation.recompute(definitions.get(segment.id()), run, engine.today());
        run.finish();
    }

    private Condition validate(SegmentDraft draft, String id, Segment current) {
        List<FieldError> errors = new ArrayList<>(draft.structureErrors());
        if (current != null) {
            if (draft.level() != null && draft.level() != current.level()) {
                errors.add(FieldError.at("/level", "immutable", "the level of a segment cannot change after creation"));
            }
            if (draft.kind() != null && draft.kind() != current.kind()) {
                errors.add(FieldError.at("/kind", "immutable", "the kind of a segment cannot change after creation"));
            }
        }
        SegmentLevel level = current != null ? current.level() : draft.level();
        SegmentKind kind = current != null ? current.kind() : draft.kind();
        Condition condition = null;
        if (kind == SegmentKind.STATIC && draft.conditionGiven() && draft.condition() != null) {
            errors.add(FieldError.at(CONDITION, "not_allowed", "a static segment has no condition; edit its members"));
        } else if (kind == SegmentKind.DYNAMIC) {
            if (draft.condition() == null) {
                errors.add(FieldError.at(CONDITION, "required", "a dynamic segment needs a condition"));
            } else if (level != null) {
                condition = parseAndValidate(draft.condition(), level, id, errors);
            }
        }
        if (draft.name() != null && !draft.name().isBlank() && store.nameTaken(draft.name().strip(), id)) {
            if (errors.isEmpty()) {
                throw new ConflictException("A segment named '" + draft.name().strip() + "' already exists "
                        + "(names are unique, ignoring case).");
            }
            errors.add(FieldError.at("/name", "duplicate", "a segment with this name already exists"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return condition;
    }

    private Condition parseAndValidate(Object json, SegmentLevel level, String id, List<FieldError> errors) {
        ParseResult parsed = ConditionParser.parse(json, CONDITION);
        if (!parsed.errors().isEmpty()) {
            parsed.errors().forEach(e -> errors.add(toFieldError(e)));
            return null;
        }
        Condition condition = parsed.condition();
        Map<String, Segment> all = new HashMap<>();
        store.findAll().forEach(s -> all.put(s.id(), s));
        SegmentRefs refs = segmentId -> segmentId.equals(id) ? Optional.of(level)
                : Optional.ofNullable(all.get(segmentId)).map(Segment::level);
        List<ConditionError> invalid = ConditionValidator.validate(condition, level, directory.catalogue(), refs,
                CONDITION);
        invalid.forEach(e -> errors.add(toFieldError(e)));
        if (invalid.isEmpty()) {
            Optional<List<String>> cycle = SegmentGraph.findCycle(id, condition.referencedSegments(),
                    other -> all.containsKey(other) && all.get(other).isDynamic()
                            ? all.get(other).condition().referencedSegments() : Set.of());
            cycle.ifPresent(path -> errors.add(FieldError.at(CONDITION, "cycle", "the condition refers back to this "
                    + "segment: " + String.join(" → ", path.stream().map(s -> all.containsKey(s) ? "'"
                    + all.get(s).name() + "' (" + s + ")" : "this segment").toList()))));
        }
        return condition;
    }

    private static FieldError toFieldError(ConditionError e) {
        return FieldError.at(e.pointer(), e.code(), e.message());
    }

    /** Lint warnings for a saved condition (see {@link ConditionLint} for the rules). */
    List<ConditionWarning> warnings(Segment segment) {
        if (!segment.isDynamic()) {
            return List.of();
        }
        LintData data = new LintData() {
            @Override
            public boolean valueExists(PropertyRef property, Object value) {
                // answered from the in-memory value store; while it loads, no warning is given
                return !values.ready() || values.anyHas(property.scope(), property.key(), value);
            }

            @Override
            public long memberCount(String segmentId) {
                return store.find(segmentId).map(s -> memberships.memberCount(s.id(), s.level())).orElse(0L);
            }
        };
        return ConditionLint.lint(segment.condition(), directory.catalogue(), data, CONDITION);
    }

    private SegmentView view(Segment segment) {
        return new SegmentView(segment, memberCount(segment), contactCount(segment), warnings(segment));
    }

    private void audit(Segment segment, String action, Segment before, Segment after, Actor actor) {
        audit.publishEvent(new ConfigurationChanged("segment", segment.id(), segment.name(), action, snapshot(before),
                snapshot(after), actor, Instant.now()));
    }

    /** A segment as JSON-like data, for the audit log and the versions endpoint. */
    static Map<String, Object> snapshot(Segment s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", s.name());
        json.put("description", s.description());
        json.put("level", s.level().jsonName());
        json.put("kind", s.kind().jsonName());
        json.put("condition", s.condition() == null ? null : s.condition().toJson());
        Map<String, Object> permissions = new LinkedHashMap<>();
        permissions.put("inviteTeamMembers", s.permissions().inviteTeamMembers());
        permissions.put("collaborationRestricted", s.permissions().collaborationRestricted());
        json.put("permissions", permissions);
        json.put("version", s.version());
        return json;
    }

    private static String description(SegmentDraft draft) {
        return draft.description() == null ? "" : draft.description().strip();
    }

    private Map<String, String> partnerOf(SegmentLevel level, Collection<String> members) {
        Map<String, String> partnerOf = new HashMap<>();
        for (String m : members) {
            partnerOf.put(m, level == SegmentLevel.PARTNER ? m : memberships.partnerOfContact(m));
        }
        return partnerOf;
    }

    /** Ids that can be stored (uuid syntax); anything else simply is not a member. */
    private static Set<String> validIds(Set<String> ids) {
        Set<String> valid = new LinkedHashSet<>();
        for (String id : ids) {
            try {
                UUID.fromString(id);
                valid.add(id);
            } catch (IllegalArgumentException ignored) {
                // not an id this system ever issued
            }
        }
        return valid;
    }
}
