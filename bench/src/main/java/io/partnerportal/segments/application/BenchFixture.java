package io.partnerportal.segments.application;

import io.micronaut.transaction.TransactionOperations;
import io.partnerportal.bench.Service;
import io.partnerportal.common.Actor;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.PropertyCommands;
import io.partnerportal.segments.api.Audience;
import io.partnerportal.segments.api.SegmentAccess;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.segment.Permissions;
import io.partnerportal.segments.domain.segment.Segment;
import io.partnerportal.segments.domain.segment.SegmentKind;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The running service of the scale being measured (started once by {@code Bench}, shared by every
 * benchmark in the JVM), with samples drawn from it: random contacts and ordinary partners, the
 * partner with 10,000 contacts, audiences of 1–10 random segments.
 */
@State(Scope.Benchmark)
public class BenchFixture {

    /** Set by the runner; labels the results (10k, 100k or 1m contacts). */
    @Param({"C10K"})
    public String scale;

    public static final ChangeContext CHANGE = new ChangeContext(ChangeCause.ADMIN_EDIT, Actor.system("bench"));
    public static final Actor ACTOR = Actor.system("bench");

    Service service;
    SegmentAccess access;
    RecordEvaluation evaluation;
    AccessIndex index;
    ValueStore values;
    SegmentRegistry registry;
    BulkEvaluation bulk;
    MembershipEngine engine;
    SegmentAdministration administration;
    SegmentInsight insight;
    PropertyCommands commands;
    HistoryExpansion history;
    TransactionOperations<Connection> transactions;

    final String[] contacts = new String[4096];
    final String[] partners = new String[4096];
    final Audience[] audiences = new Audience[256];
    String bigPartner;
    String[] bigPartnerContacts;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        service = Service.current();
        access = service.bean(SegmentAccess.class);
        evaluation = service.bean(RecordEvaluation.class);
        index = service.bean(AccessIndex.class);
        values = service.bean(ValueStore.class);
        registry = service.bean(SegmentRegistry.class);
        bulk = service.bean(BulkEvaluation.class);
        engine = service.bean(MembershipEngine.class);
        administration = service.bean(SegmentAdministration.class);
        insight = service.bean(SegmentInsight.class);
        commands = service.bean(PropertyCommands.class);
        history = service.bean(HistoryExpansion.class);
        transactions = service.bean(TransactionOperations.class);
        SplittableRandom random = new SplittableRandom(42);
        ValueStore.View view = values.view();
        int big = -1;
        for (int p = 0; p < view.partnerBound(); p++) {
            if (view.hasPartner(p) && (big < 0 || view.contactsOf(p).length > view.contactsOf(big).length)) {
                big = p;
            }
        }
        bigPartner = view.partnerId(big).toString();
        int[] bigContacts = view.contactsOf(big);
        bigPartnerContacts = new String[bigContacts.length];
        for (int i = 0; i < bigContacts.length; i++) {
            bigPartnerContacts[i] = view.contactId(bigContacts[i]).toString();
        }
        for (int i = 0; i < contacts.length; ) {
            int c = random.nextInt(view.contactBound());
            if (view.hasContact(c) && view.partnerOf(c) != big) {
                contacts[i++] = view.contactId(c).toString();
            }
        }
        for (int i = 0; i < partners.length; ) {
            int p = random.nextInt(view.partnerBound());
            if (view.hasPartner(p) && view.contactsOf(p).length < 100) {
                partners[i++] = view.partnerId(p).toString();
            }
        }
        List<String> ids = new ArrayList<>();
        definitions().all().forEach(s -> ids.add(s.id()));
        for (int i = 0; i < audiences.length; i++) {
            int n = 1 + random.nextInt(10);
            List<String> chosen = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                chosen.add(ids.get(random.nextInt(ids.size())));
            }
            audiences[i] = Audience.segments(chosen.stream().distinct().toArray(String[]::new));
        }
    }

    /** The current definitions (read in a transaction of their own when they changed). */
    SegmentRegistry.Definitions definitions() {
        return transactions.executeRead(status -> registry.current());
    }

    /** A segment of the benchmark's own (created if missing, by name), for conditions the dataset may lack. */
    String ensureSegment(String name, SegmentLevel level, Object condition) {
        for (CompiledSegment s : definitions().all()) {
            if (s.segment().name().equals(name)) {
                return s.id();
            }
        }
        SegmentDraft draft = new SegmentDraft(name, "benchmark", level, SegmentKind.DYNAMIC, condition, true,
                Permissions.NONE, null, List.of());
        return administration.create(draft, ACTOR).segment().id();
    }

    /** A condition written as JSON, as the plain-Java tree the segments module reads (numbers as BigDecimal). */
    static Object condition(String json) {
        try {
            return plain(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static Object plain(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isObject()) {
            java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(plain(n)));
            return list;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asText();
    }

    static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    static Segment segment(SegmentRegistry registry, String id) {
        return registry.cached().get(id).segment();
    }
}
