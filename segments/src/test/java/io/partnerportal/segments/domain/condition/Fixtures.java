package io.partnerportal.segments.domain.condition;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerportal.segments.domain.SegmentLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** One-line builders for the condition tests: JSON trees, a catalogue, records and an evaluation context. */
final class Fixtures {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final LocalDate TODAY = LocalDate.parse("2026-03-31");

    private Fixtures() {
    }

    /** JSON text (single quotes allowed for readability) as the plain-Java tree the parser takes. */
    static Object json(String text) {
        try {
            return plain(MAPPER.readTree(text.replace('\'', '"')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), plain(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }

    /** Parses JSON text that must be a structurally valid condition. */
    static Condition condition(String text) {
        ParseResult result = ConditionParser.parse(json(text), "/condition");
        assertThat(result.errors()).as("parse errors of %s", text).isEmpty();
        return result.condition();
    }

    static PropertySpec spec(String qualified, ValueType type, String... options) {
        return new PropertySpec(PropertyRef.parse(qualified), type, Set.of(options), false);
    }

    /** The catalogue most tests use: one partner property per type, a few contact properties, one archived. */
    static PropertySpecs catalogue() {
        return PropertySpecs.of(List.of(
                spec("partner.name", ValueType.STRING),
                spec("partner.s", ValueType.STRING),
                spec("partner.u", ValueType.URL),
                spec("partner.website", ValueType.URL),
                spec("partner.n", ValueType.NUMBER),
                spec("partner.revenue", ValueType.NUMBER),
                spec("partner.b", ValueType.BOOLEAN),
                spec("partner.d", ValueType.DATE),
                spec("partner.t", ValueType.DATETIME),
                spec("partner.created_at", ValueType.DATETIME),
                spec("partner.e", ValueType.ENUM, "gold", "silver", "platinum"),
                spec("partner.tier", ValueType.ENUM, "gold", "silver", "platinum", "bronze"),
                spec("partner.m", ValueType.MULTI_ENUM, "x", "y", "z"),
                spec("partner.usr", ValueType.USER),
                new PropertySpec(PropertyRef.parse("partner.legacy_code"), ValueType.STRING, Set.of(), true),
                spec("contact.email", ValueType.STRING),
                spec("contact.role", ValueType.ENUM, "admin", "sales_rep", "viewer"),
                spec("contact.certified", ValueType.BOOLEAN),
                spec("contact.last_login", ValueType.DATETIME),
                spec("contact.score", ValueType.NUMBER)));
    }

    static SegmentRefs segments() {
        return SegmentRefs.of(Map.of("gold-partners", SegmentLevel.PARTNER, "champions", SegmentLevel.CONTACT,
                "seg-a", SegmentLevel.PARTNER, "seg-b", SegmentLevel.PARTNER));
    }

    /** A partner or contact: an id and its typed values. */
    record Rec(String id, Map<String, Object> values) implements Values {
        static Rec of(String id, Object... keyValues) {
            Map<String, Object> values = new HashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                values.put((String) keyValues[i], keyValues[i + 1]);
            }
            return new Rec(id, values);
        }

        @Override
        public Object value(String key) {
            return values.get(key);
        }
    }

    /** An evaluation context from memory: contacts per partner, segment members, today. */
    static final class Ctx implements EvaluationContext {
        LocalDate today = TODAY;
        final Map<String, List<Values>> contacts = new HashMap<>();
        final Map<String, Set<String>> partnerMembers = new HashMap<>();
        final Map<String, Set<String>> contactMembers = new HashMap<>();

        Ctx contacts(String partnerId, Values... contactsOfPartner) {
            contacts.put(partnerId, List.of(contactsOfPartner));
            return this;
        }

        Ctx partnersIn(String segmentId, String... partnerIds) {
            partnerMembers.computeIfAbsent(segmentId, s -> new HashSet<>()).addAll(List.of(partnerIds));
            return this;
        }

        Ctx contactsIn(String segmentId, String... contactIds) {
            contactMembers.computeIfAbsent(segmentId, s -> new HashSet<>()).addAll(List.of(contactIds));
            return this;
        }

        @Override
        public LocalDate today() {
            return today;
        }

        @Override
        public Iterable<? extends Values> contactsOf(String partnerId) {
            return contacts.getOrDefault(partnerId, List.of());
        }

        @Override
        public boolean partnerIn(String segmentId, String partnerId) {
            return partnerMembers.getOrDefault(segmentId, Set.of()).contains(partnerId);
        }

        @Override
        public boolean contactIn(String segmentId, String contactId) {
            return contactMembers.getOrDefault(segmentId, Set.of()).contains(contactId);
        }
    }

    /** Parse, validate (must be valid) and compile a partner-level condition. */
    static CompiledCondition compiled(String text, SegmentLevel level) {
        Condition condition = condition(text);
        assertThat(ConditionValidator.validate(condition, level, catalogue(), segments(), "/condition"))
                .as("validation errors of %s", text).isEmpty();
        return CompiledCondition.compile(condition, level, catalogue(), segments());
    }
}
