package io.partnerportal.segments.application;

import io.partnerportal.common.Actor;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.event.ChangeKind;
import io.partnerportal.partners.api.event.ContactChanged;
import io.partnerportal.partners.api.event.PartnerChanged;
import io.partnerportal.partners.api.event.PropertyDefinitionChanged;
import io.partnerportal.partners.api.event.ValueChange;
import io.partnerportal.segments.application.SegmentRegistry.Definitions;
import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.application.port.SegmentStore;
import io.partnerportal.segments.domain.segment.MembershipCause;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.condition.PropertyRef;
import io.partnerportal.segments.domain.condition.Scope;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps membership true as the directory changes: for each partner or contact change it
 * re-evaluates only the segments that read what changed (and, through {@code in_segment}, the
 * segments depending on memberships that moved), inside the transaction of the change.
 * <p>
 * Concurrency: the definitions lock is taken shared (segment edits take it exclusive), then the
 * guard rows of the partners involved, so two changes around the same partner are evaluated one
 * after the other and each sees what the other committed.
 */
@Singleton
@Transactional
public class MembershipMaintenance {

    private final SegmentStore segments;
    private final MembershipStore memberships;
    private final SegmentRegistry registry;
    private final MembershipEngine engine;
    private final SegmentRecomputation recomputation;
    private final IndexTransactions index;
    private final io.partnerportal.segments.application.port.Directory directory;

    MembershipMaintenance(SegmentStore segments, MembershipStore memberships, SegmentRegistry registry,
                          MembershipEngine engine, SegmentRecomputation recomputation, IndexTransactions index,
                          io.partnerportal.segments.application.port.Directory directory) {
        this.directory = directory;
        this.index = index;
        this.segments = segments;
        this.memberships = memberships;
        this.registry = registry;
        this.engine = engine;
        this.recomputation = recomputation;
    }

    public void onPartnerChanged(PartnerChanged event) {
        Definitions definitions = prepare(List.of(event.partnerId()));
        String partnerId = event.partnerId();
        MembershipCause cause = cause(event.kind(), false, event.cause(), event.actor(), "partner", event.changes());
        MembershipEngine.Run run = engine.start(definitions, cause);
        index.changes().record("p:" + partnerId);
        switch (event.kind()) {
            case CREATED -> {
                memberships.partnerCreated(partnerId);
                index.changes().partner(partnerId, true);
                run.evaluateAll(definitions.dynamic(SegmentLevel.PARTNER), List.of(partnerId));
            }
            case DELETED -> {
                memberships.removeEverywhere(SegmentLevel.PARTNER, partnerId, partnerId, cause);
                memberships.partnerDeleted(partnerId);
                index.changes().partner(partnerId, false);
            }
            case UPDATED -> {
                Set<String> keys = event.changes().keySet();
                List<CompiledSegment> contactLevel = new ArrayList<>();
                for (CompiledSegment segment : readers(definitions, Scope.PARTNER, keys)) {
                    if (segment.level() == SegmentLevel.PARTNER) {
                        run.evaluate(segment, List.of(partnerId));
                    } else {
                        contactLevel.add(segment);
                    }
                }
                if (!contactLevel.isEmpty()) {
                    // every contact of the partner, for each segment: queued as one shared set of subjects
                    run.evaluateAll(contactLevel, memberships.contactsOfPartner(partnerId));
                }
            }
        }
        run.finish();
        if (event.kind() != ChangeKind.DELETED) {
            run.loadedPartner(partnerId).ifPresent(v -> index.changes().snapshot("p:" + partnerId,
                    new IndexChanges.RecordSnapshot(directory.allValues(v), partnerId)));
        }
    }

    public void onContactChanged(ContactChanged event) {
        String contactId = event.contactId();
        List<String> partners = event.moved() ? List.of(event.partnerId(), event.previousPartnerId())
                : List.of(event.partnerId());
        Definitions definitions = prepare(partners);
        MembershipCause cause = cause(event.kind(), event.moved(), event.cause(), event.actor(), "contact",
                event.changes());
        MembershipEngine.Run run = engine.start(definitions, cause);
        index.changes().record("c:" + contactId);
        switch (event.kind()) {
            case CREATED -> {
                memberships.contactPlaced(contactId, event.partnerId(), null);
                index.changes().contact(contactId, event.partnerId());
                run.evaluateAll(definitions.dynamic(SegmentLevel.CONTACT), List.of(contactId));
                run.evaluateAll(contactReaders(definitions), List.of(event.partnerId()));
            }
            case DELETED -> {
                memberships.removeEverywhere(SegmentLevel.CONTACT, contactId, event.partnerId(), cause);
                memberships.contactRemoved(contactId, event.partnerId());
                index.changes().contact(contactId, null);
                run.evaluateAll(contactReaders(definitions), List.of(event.partnerId()));
            }
            case UPDATED -> {
                if (event.moved()) {
                    memberships.contactPlaced(contactId, event.partnerId(), event.previousPartnerId());
                    index.changes().contact(contactId, event.partnerId());
                    // everything about the contact's partner changed: every contact-level segment may move
                    run.evaluateAll(definitions.dynamic(SegmentLevel.CONTACT), List.of(contactId));
                    run.evaluateAll(contactReaders(definitions), partners);
                } else {
                    Set<String> keys = event.changes().keySet();
                    for (CompiledSegment segment : readers(definitions, Scope.CONTACT, keys)) {
                        run.evaluate(segment, List.of(segment.level() == SegmentLevel.CONTACT ? contactId
                                : event.partnerId()));
                    }
                }
            }
        }
        run.finish();
        if (event.kind() != ChangeKind.DELETED) {
            run.loadedContact(contactId).ifPresent(p -> index.changes().snapshot("c:" + contactId,
                    new IndexChanges.RecordSnapshot(directory.allValues(p.contact()), p.partnerId())));
        }
    }

    /**
     * A catalogue entry changed: recompile everything and recompute the segments reading it (an
     * option or type change can change what a condition means).
     */
    public void onCatalogueChanged(PropertyDefinitionChanged event) {
        segments.lockDefinitions(true);
        segments.bumpDefinitionsVersion();
        Definitions definitions = registry.withinTransaction();
        var after = event.after();
        PropertyRef ref = new PropertyRef(Scope.valueOf(after.level().name()), after.key());
        MembershipCause cause = new MembershipCause("catalogue_change",
                Map.of("property", ref.qualified()), Actor.system("catalogue"));
        MembershipEngine.Run run = engine.start(definitions, cause);
        for (CompiledSegment segment : definitions.readersOf(ref)) {
            recomputation.recompute(segment, run, engine.today());
        }
        run.finish();
    }

    private Definitions prepare(List<String> partnerIds) {
        segments.lockDefinitions(false);
        Definitions definitions = registry.current();
        memberships.lockPartners(new TreeSet<>(partnerIds));
        return definitions;
    }

    private static List<CompiledSegment> readers(Definitions definitions, Scope scope, Set<String> keys) {
        Set<CompiledSegment> found = new LinkedHashSet<>();
        for (String key : keys) {
            found.addAll(definitions.readersOf(new PropertyRef(scope, key)));
        }
        return new ArrayList<>(found);
    }

    /** Partner-level segments looking at contacts (any_contact / all_contacts). */
    private static List<CompiledSegment> contactReaders(Definitions definitions) {
        return definitions.dynamic(SegmentLevel.PARTNER).stream().filter(CompiledSegment::readsContacts).toList();
    }

    private static MembershipCause cause(ChangeKind kind, boolean moved, ChangeCause source, Actor actor,
                                         String prefix, Map<String, ValueChange> changes) {
        String type = switch (kind) {
            case CREATED -> "record_created";
            case DELETED -> "record_deleted";
            case UPDATED -> moved ? "record_moved" : source == ChangeCause.ROLE_CHANGE ? "role_change"
                    : "property_change";
        };
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("source", source.jsonName());
        if (kind == ChangeKind.UPDATED) {
            List<Map<String, Object>> list = new ArrayList<>();
            changes.forEach((key, change) -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("property", prefix + "." + key);
                c.put("from", json(change.before()));
                c.put("to", json(change.after()));
                list.add(c);
            });
            detail.put("changes", list);
        }
        return new MembershipCause(type, detail, actor);
    }

    /** History details are JSON: dates and instants as ISO text. */
    private static Object json(Object value) {
        return value instanceof Temporal ? value.toString() : value;
    }
}
