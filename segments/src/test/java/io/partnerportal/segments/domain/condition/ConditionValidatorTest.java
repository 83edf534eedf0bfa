package io.partnerportal.segments.domain.condition;

import io.partnerportal.segments.domain.SegmentLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Meaning errors against the catalogue, the known segments and the level rules. */
class ConditionValidatorTest {

    private static List<ConditionError> validate(String text, SegmentLevel level) {
        return ConditionValidator.validate(Fixtures.condition(text), level, Fixtures.catalogue(), Fixtures.segments(),
                "/condition");
    }

    @ParameterizedTest(name = "{0} → {1} at {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            {'property': 'partner.nope', 'op': 'is_set'}                                   | unknown_property | /condition/property
            {'property': 'partner.n', 'op': 'contains', 'value': 'x'}                      | operator_not_allowed | /condition/op
            {'property': 'partner.e', 'op': 'eq', 'value': 'gold'}                         | operator_not_allowed | /condition/op
            {'property': 'partner.d', 'op': 'neq', 'value': '2026-01-01'}                  | operator_not_allowed | /condition/op
            {'property': 'partner.m', 'op': 'in', 'values': ['x']}                         | operator_not_allowed | /condition/op
            {'property': 'partner.b', 'op': 'eq', 'value': true}                           | operator_not_allowed | /condition/op
            {'property': 'partner.s', 'op': 'lt', 'value': 'b'}                            | operator_not_allowed | /condition/op
            {'property': 'partner.n', 'op': 'within_last', 'value': 3, 'unit': 'days'}     | operator_not_allowed | /condition/op
            {'property': 'partner.n', 'op': 'eq', 'value': '12'}                           | wrong_value_type | /condition/value
            {'property': 'partner.n', 'op': 'in', 'values': [1, 'two']}                    | wrong_value_type | /condition/values/1
            {'property': 'partner.s', 'op': 'eq', 'value': 12}                             | wrong_value_type | /condition/value
            {'property': 'partner.s', 'op': 'in', 'values': ['a', true]}                   | wrong_value_type | /condition/values/1
            {'property': 'partner.usr', 'op': 'eq', 'value': 7}                            | wrong_value_type | /condition/value
            {'property': 'partner.d', 'op': 'before', 'value': '2026-02-30'}                | wrong_value_type | /condition/value
            {'property': 'partner.d', 'op': 'before', 'value': '01/03/2026'}               | wrong_value_type | /condition/value
            {'property': 'partner.d', 'op': 'before', 'value': '2026-03-01T10:00:00Z'}     | wrong_value_type | /condition/value
            {'property': 'partner.t', 'op': 'after', 'value': 'yesterday'}                 | wrong_value_type | /condition/value
            {'property': 'partner.t', 'op': 'after', 'value': 20260301}                    | wrong_value_type | /condition/value
            {'property': 'partner.e', 'op': 'in', 'values': ['gold', 'Gold']}              | unknown_option | /condition/values/1
            {'property': 'partner.m', 'op': 'contains_all', 'value': 'w'}                  | unknown_option | /condition/value
            {'property': 'partner.e', 'op': 'in', 'values': [1]}                           | wrong_value_type | /condition/values/0
            {'property': 'partner.n', 'op': 'between', 'values': [5, 1]}                   | invalid_range | /condition/values
            {'property': 'partner.d', 'op': 'between', 'values': ['2026-03-02', '2026-03-01']} | invalid_range | /condition/values
            {'property': 'partner.t', 'op': 'between', 'values': ['2026-03-02', '2026-03-01T23:00:00Z']} | invalid_range | /condition/values
            {'property': 'partner.n', 'op': 'eq', 'value': 1, 'ignoreCase': true}          | ignore_case_not_allowed | /condition/ignoreCase
            {'property': 'partner.e', 'op': 'in', 'values': ['gold'], 'ignoreCase': true}  | ignore_case_not_allowed | /condition/ignoreCase
            {'property': 'partner.s', 'op': 'is_set', 'ignoreCase': true}                  | ignore_case_not_allowed | /condition/ignoreCase
            {'property': 'partner.s', 'op': 'matches', 'value': '(unclosed'}               | invalid_regex | /condition/value
            {'property': 'partner.s', 'op': 'matches', 'values': ['ok', '(?=lookahead)']}  | invalid_regex | /condition/values/1
            {'property': 'partner.s', 'op': 'matches', 'value': '(a)\\\\1'}                | invalid_regex | /condition/value
            {'op': 'in_segment', 'segment': 'ghost'}                                       | unknown_segment | /condition/segment
            {'any': [{'op': 'is_set', 'property': 'partner.s'}, {'property': 'contact.email', 'op': 'is_set'}]} | contact_property_outside_contact_scope | /condition/any/1/property
            {'op': 'in_segment', 'segment': 'champions'}                                   | contact_segment_outside_contact_scope | /condition/segment
            {'op': 'any_contact', 'where': {'op': 'all_contacts', 'where': {'property': 'contact.email', 'op': 'is_set'}}} | nested_contact_scope | /condition/where/op
            """)
    void reportsTheErrorAtItsPointer(String condition, String code, String pointer) {
        assertThat(validate(condition, SegmentLevel.PARTNER)).extracting(ConditionError::code, ConditionError::pointer)
                .containsExactly(tuple(code, pointer));
    }

    @Test
    void aContactLevelSegmentHasNoContactScope() {
        assertThat(validate("{'op': 'any_contact', 'where': {'property': 'contact.email', 'op': 'is_set'}}",
                SegmentLevel.CONTACT)).extracting(ConditionError::code, ConditionError::pointer)
                .containsExactly(tuple("contact_scope_not_allowed", "/condition/op"));
    }

    @Test
    void aContactLevelSegmentReadsBothRecordsAndTestsSegmentsOfBothLevels() {
        assertThat(validate("""
                {'all': [
                  {'property': 'partner.tier', 'op': 'in', 'values': ['gold']},
                  {'property': 'contact.role', 'op': 'in', 'values': ['admin']},
                  {'op': 'in_segment', 'segment': 'gold-partners'},
                  {'op': 'not_in_segment', 'segment': 'champions'}
                ]}""", SegmentLevel.CONTACT)).isEmpty();
    }

    @Test
    void aPartnerLevelSegmentReadsContactsInsideContactScope() {
        assertThat(validate("""
                {'all': [
                  {'property': 'partner.tier', 'op': 'in', 'values': ['gold']},
                  {'op': 'any_contact', 'where': {'all': [
                    {'property': 'contact.role', 'op': 'in', 'values': ['admin']},
                    {'property': 'partner.revenue', 'op': 'gt', 'value': 10},
                    {'op': 'in_segment', 'segment': 'champions'}]}},
                  {'op': 'all_contacts', 'where': {'property': 'contact.certified', 'op': 'is_true'}},
                  {'op': 'in_segment', 'segment': 'gold-partners'}
                ]}""", SegmentLevel.PARTNER)).isEmpty();
    }

    @Test
    void archivedPropertiesAreValid() {
        assertThat(validate("{'property': 'partner.legacy_code', 'op': 'is_set'}", SegmentLevel.PARTNER)).isEmpty();
    }

    @Test
    void reportsEveryErrorInOneAnswer() {
        List<ConditionError> errors = validate("""
                {'all': [
                  {'property': 'partner.tier', 'op': 'in', 'values': ['gold', 'Gold', 'diamond']},
                  {'property': 'partner.unknown', 'op': 'is_set'},
                  {'property': 'contact.email', 'op': 'ends_with', 'value': '@acme.com', 'ignoreCase': true},
                  {'property': 'partner.revenue', 'op': 'between', 'values': [100, 'lots']},
                  {'op': 'in_segment', 'segment': 'ghost'},
                  {'property': 'partner.n', 'op': 'eq', 'value': 1, 'ignoreCase': true}
                ]}""", SegmentLevel.PARTNER);

        assertThat(errors).extracting(ConditionError::pointer, ConditionError::code).containsExactly(
                tuple("/condition/all/0/values/1", "unknown_option"),
                tuple("/condition/all/0/values/2", "unknown_option"),
                tuple("/condition/all/1/property", "unknown_property"),
                tuple("/condition/all/2/property", "contact_property_outside_contact_scope"),
                tuple("/condition/all/3/values/1", "wrong_value_type"),
                tuple("/condition/all/4/segment", "unknown_segment"),
                tuple("/condition/all/5/ignoreCase", "ignore_case_not_allowed"));
    }

    @Test
    void everyTypeAcceptsTheOperatorsOfTheContractTable() {
        String[][] accepted = {
                {"partner.s", "'eq', 'value': 'a'", "'neq', 'value': 'a'", "'in', 'values': ['a']", "'not_in', 'values': ['a']",
                        "'contains', 'value': 'a'", "'not_contains', 'value': 'a'", "'starts_with', 'value': 'a'",
                        "'ends_with', 'value': 'a'", "'matches', 'value': 'a+'", "'is_set'", "'is_not_set'"},
                {"partner.n", "'eq', 'value': 1", "'neq', 'value': 1", "'lt', 'value': 1", "'lte', 'value': 1",
                        "'gt', 'value': 1", "'gte', 'value': 1", "'between', 'values': [1, 2]", "'in', 'values': [1]",
                        "'not_in', 'values': [1]", "'is_set'", "'is_not_set'"},
                {"partner.b", "'is_true'", "'is_false'", "'is_set'", "'is_not_set'"},
                {"partner.t", "'eq', 'value': '2026-01-01'", "'before', 'value': '2026-01-01T00:00:00Z'",
                        "'after', 'value': '2026-01-01T00:00:00'", "'between', 'values': ['2026-01-01', '2026-01-01']",
                        "'within_last', 'value': 1, 'unit': 'days'", "'within_next', 'value': 2, 'unit': 'weeks'",
                        "'more_than_ago', 'value': 3, 'unit': 'months'", "'is_set'", "'is_not_set'"},
                {"partner.e", "'in', 'values': ['gold']", "'not_in', 'value': 'gold'", "'is_set'", "'is_not_set'"},
                {"partner.m", "'contains_any', 'values': ['x']", "'contains_all', 'values': ['x', 'y']",
                        "'contains_none', 'value': 'z'", "'is_empty'", "'is_not_empty'"},
                {"partner.usr", "'eq', 'value': 'u1'", "'neq', 'value': 'u1'", "'in', 'values': ['u1']",
                        "'not_in', 'values': ['u1']", "'is_set'", "'is_not_set'"}};
        for (String[] row : accepted) {
            for (int i = 1; i < row.length; i++) {
                String condition = "{'property': '" + row[0] + "', 'op': " + row[i] + "}";
                assertThat(validate(condition, SegmentLevel.PARTNER)).as(condition).isEmpty();
            }
        }
    }

    @Test
    void aCycleThroughInSegmentIsRefusedNamingTheCycle() {
        Condition condition = Fixtures.condition("{'all': [{'op': 'is_set', 'property': 'partner.s'}, "
                + "{'op': 'in_segment', 'segment': 'B'}]}");
        java.util.Map<String, java.util.Set<String>> stored = java.util.Map.of("B", java.util.Set.of("C"),
                "C", java.util.Set.of("A"));

        assertThat(SegmentGraph.cycleError("A", condition, stored::get, "/condition")).hasValueSatisfying(error -> {
            assertThat(error.code()).isEqualTo("cycle");
            assertThat(error.pointer()).isEqualTo("/condition/all/1/segment");
            assertThat(error.message()).contains("A → B → C → A");
        });
    }
}
