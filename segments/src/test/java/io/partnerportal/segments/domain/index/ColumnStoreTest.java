package io.partnerportal.segments.domain.index;

import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.condition.CompiledCondition;
import io.partnerportal.segments.domain.condition.ConditionParser;
import io.partnerportal.segments.domain.condition.EvaluationContext;
import io.partnerportal.segments.domain.condition.PropertyRef;
import io.partnerportal.segments.domain.condition.PropertySpec;
import io.partnerportal.segments.domain.condition.PropertySpecs;
import io.partnerportal.segments.domain.condition.ValueType;
import io.partnerportal.segments.domain.condition.Values;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Records read by slot (what compiled conditions do) give what they give by key. */
class ColumnStoreTest {

    @Test
    void aKeyKeepsItsSlotWhileRecordsAreAddedAndTheColumnsGrow() {
        ColumnStore store = new ColumnStore();
        int first = store.put(UUID.randomUUID(), Map.of("tier", "gold", "score", 3));
        int tier = store.slotOf("tier");

        for (int i = 0; i < 5_000; i++) { // beyond the first capacity: every column is copied
            store.put(UUID.randomUUID(), Map.of("tier", i % 2 == 0 ? "silver" : "gold", "region", "emea"));
        }
        int last = store.put(UUID.randomUUID(), Map.of("region", "apac"));

        assertThat(store.slotOf("tier")).isEqualTo(tier);
        assertThat(store.slotOf("region")).isNotIn(tier, store.slotOf("score")).isNotNegative();
        assertThat(store.slotOf("never")).isEqualTo(-1);
        for (int ord : new int[]{first, 1, 2, last}) {
            Values row = store.view(ord);
            assertThat(row.layout()).isSameAs(store);
            for (String key : List.of("tier", "score", "region")) {
                assertThat(row.valueAt(store.slotOf(key))).as("%s of %d", key, ord).isEqualTo(row.value(key));
            }
        }
        assertThat(store.view(last).valueAt(tier)).as("a key the record does not have").isNull();
    }

    @Test
    void aReplacedRecordReadsItsNewValuesBySlotAndKeysItDroppedAsUnset() {
        ColumnStore store = new ColumnStore();
        UUID id = UUID.randomUUID();
        int ord = store.put(id, Map.of("tier", "gold", "region", "emea"));
        store.put(UUID.randomUUID(), Map.of("score", 7)); // a slot added after the record's row was made

        store.put(id, Map.of("tier", "silver", "score", 9));

        Values row = store.view(ord);
        assertThat(row.valueAt(store.slotOf("tier"))).isEqualTo("silver").isEqualTo(row.value("tier"));
        assertThat(row.valueAt(store.slotOf("score"))).isEqualTo(9).isEqualTo(row.value("score"));
        assertThat(row.valueAt(store.slotOf("region"))).isNull();
        assertThat(row.value("region")).isNull();
    }

    @Test
    void aRemovedRecordReadsUnsetBySlot() {
        ColumnStore store = new ColumnStore();
        UUID id = UUID.randomUUID();
        int ord = store.put(id, Map.of("tier", "gold"));

        store.remove(id);

        assertThat(store.view(ord).valueAt(store.slotOf("tier"))).isNull();
        // a new record given the freed ordinal has none of the old one's values, by slot or by column
        int reused = store.put(UUID.randomUUID(), Map.of("score", 1));
        assertThat(reused).isEqualTo(ord);
        assertThat(store.view(reused).valueAt(store.slotOf("tier"))).isNull();
        assertThat(store.value(reused, "tier")).isNull();
        assertThat(store.column("tier")[reused]).isNull();
    }

    @Test
    void aConditionGivesTheSameAnswersOnRecordsOfTwoStoresAndOnPlainValues() {
        PropertySpecs specs = PropertySpecs.of(List.of(
                PropertySpec.of(PropertyRef.parse("contact.role"), ValueType.ENUM),
                PropertySpec.of(PropertyRef.parse("partner.tier"), ValueType.ENUM)));
        CompiledCondition condition = CompiledCondition.compile(ConditionParser.parse(Map.of("all", List.of(
                Map.of("property", "contact.role", "op", "in", "values", List.of("admin")),
                Map.of("property", "partner.tier", "op", "not_in", "values", List.of("bronze")))), "").condition(),
                SegmentLevel.CONTACT, specs);
        ColumnStore partnersA = new ColumnStore();
        ColumnStore contactsA = new ColumnStore();
        ColumnStore partnersB = new ColumnStore();
        ColumnStore contactsB = new ColumnStore();
        contactsB.put(UUID.randomUUID(), Map.of("email", "x@y")); // other slots in the second stores
        partnersB.put(UUID.randomUUID(), Map.of("name", "n"));
        for (String tier : new String[]{"gold", "bronze"}) {
            for (String role : new String[]{"admin", "viewer"}) {
                Map<String, Object> partner = Map.of("tier", tier);
                Map<String, Object> contact = Map.of("role", role);
                boolean expected = condition.matches(plain(partner), plain(contact), NO_CONTEXT);

                Values a = partnersA.view(partnersA.put(UUID.randomUUID(), partner));
                Values b = partnersB.view(partnersB.put(UUID.randomUUID(), partner));
                assertThat(condition.matches(a, contactsA.view(contactsA.put(UUID.randomUUID(), contact)), NO_CONTEXT))
                        .as("%s %s in the first stores", tier, role).isEqualTo(expected);
                assertThat(condition.matches(b, contactsB.view(contactsB.put(UUID.randomUUID(), contact)), NO_CONTEXT))
                        .as("%s %s in the second stores", tier, role).isEqualTo(expected);
            }
        }
    }

    private static Values plain(Map<String, Object> values) {
        return new Values() {
            @Override
            public String id() {
                return "plain";
            }

            @Override
            public Object value(String key) {
                return values.get(key);
            }
        };
    }

    private static final EvaluationContext NO_CONTEXT = new EvaluationContext() {
        @Override
        public LocalDate today() {
            return LocalDate.parse("2026-12-01");
        }

        @Override
        public Iterable<? extends Values> contactsOf(String partnerId) {
            return List.of();
        }

        @Override
        public boolean partnerIn(String segmentId, String partnerId) {
            return false;
        }

        @Override
        public boolean contactIn(String segmentId, String contactId) {
            return false;
        }
    };
}
