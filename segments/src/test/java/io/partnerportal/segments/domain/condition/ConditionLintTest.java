package io.partnerportal.segments.domain.condition;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ConditionLintTest {

    /** Data where partner.tier has gold and silver, partner.n has 1 and 2, and segment "empty" has no members. */
    private final LintData data = new LintData() {
        private final Map<String, Set<Object>> present = Map.of(
                "partner.tier", Set.of("gold", "silver"),
                "partner.n", Set.of(new BigDecimal("1"), new BigDecimal("2")),
                "partner.m", Set.of("x"));

        @Override
        public boolean valueExists(PropertyRef property, Object value) {
            Set<Object> values = present.get(property.qualified());
            return values == null || values.contains(value);
        }

        @Override
        public long memberCount(String segmentId) {
            return segmentId.equals("empty") ? 0 : 5;
        }
    };

    private List<ConditionWarning> lint(String text) {
        return ConditionLint.lint(Fixtures.condition(text), Fixtures.catalogue(), data, "/condition");
    }

    @Test
    void aCleanConditionHasNoWarnings() {
        assertThat(lint("""
                {'all': [{'property': 'partner.tier', 'op': 'in', 'values': ['gold', 'silver']},
                         {'property': 'partner.n', 'op': 'between', 'values': [1, 5]},
                         {'property': 'partner.n', 'op': 'in', 'values': [2, 1]},
                         {'property': 'partner.t', 'op': 'after', 'value': '2026-03-01'},
                         {'property': 'partner.t', 'op': 'before', 'value': '2026-03-02T10:00:00Z'},
                         {'property': 'partner.s', 'op': 'matches', 'value': '^a+$'}]}""")).isEmpty();
    }

    @Test
    void contradictoryEqualitiesInOneAllNeverMatch() {
        assertThat(lint("""
                {'all': [{'property': 'partner.tier', 'op': 'in', 'values': ['gold']},
                         {'property': 'partner.tier', 'op': 'in', 'values': ['silver']}]}"""))
                .extracting(ConditionWarning::code, ConditionWarning::pointer)
                .containsExactly(tuple("never_matches", "/condition/all/1"));
        assertThat(lint("""
                {'all': [{'property': 'partner.s', 'op': 'eq', 'value': 'A'},
                         {'property': 'partner.s', 'op': 'eq', 'value': 'a', 'ignoreCase': true}]}""")).isEmpty();
    }

    @Test
    void rangesThatCannotOverlapNeverMatch() {
        assertThat(lint("""
                {'all': [{'property': 'partner.n', 'op': 'gt', 'value': 10},
                         {'property': 'partner.n', 'op': 'lte', 'value': 10}]}"""))
                .extracting(ConditionWarning::code, ConditionWarning::pointer)
                .containsExactly(tuple("never_matches", "/condition/all/1"));
        assertThat(lint("""
                {'all': [{'property': 'partner.d', 'op': 'before', 'value': '2026-01-01'},
                         {'property': 'partner.d', 'op': 'after', 'value': '2026-06-01'}]}"""))
                .extracting(ConditionWarning::code).containsExactly("never_matches");
        assertThat(lint("""
                {'all': [{'property': 'partner.t', 'op': 'after', 'value': '2026-03-01'},
                         {'property': 'partner.t', 'op': 'before', 'value': '2026-03-02'}]}"""))
                .extracting(ConditionWarning::code).containsExactly("never_matches");
        assertThat(lint("""
                {'all': [{'property': 'partner.n', 'op': 'in', 'values': [1, 2]},
                         {'property': 'partner.n', 'op': 'gt', 'value': 5}]}"""))
                .extracting(ConditionWarning::code).containsExactly("never_matches");
    }

    @Test
    void setAndUnsetTogether() {
        assertThat(lint("""
                {'all': [{'property': 'partner.s', 'op': 'is_set'},
                         {'property': 'partner.s', 'op': 'is_not_set'}]}"""))
                .extracting(ConditionWarning::code, ConditionWarning::pointer)
                .containsExactly(tuple("never_matches", "/condition/all/1"));
        assertThat(lint("""
                {'any': [{'property': 'partner.s', 'op': 'is_set'},
                         {'property': 'partner.s', 'op': 'is_not_set'}]}"""))
                .extracting(ConditionWarning::code, ConditionWarning::pointer)
                .containsExactly(tuple("always_matches", "/condition"));
    }

    @Test
    void valuesNoRecordHasAreFlagged() {
        assertThat(lint("{'property': 'partner.tier', 'op': 'in', 'values': ['gold', 'platinum']}"))
                .extracting(ConditionWarning::code, ConditionWarning::pointer)
                .containsExactly(tuple("value_not_present", "/condition/values/1"));
        assertThat(lint("{'property': 'partner.m', 'op': 'contains_any', 'values': ['x', 'z']}"))
                .extracting(ConditionWarning::pointer).containsExactly("/condition/values/1");
    }

    @Test
    void archivedPropertiesEmptySegmentsAndEmptyMatchingRegexes() {
        assertThat(lint("""
                {'all': [{'property': 'partner.legacy_code', 'op': 'is_set'},
                         {'op': 'in_segment', 'segment': 'empty'},
                         {'property': 'partner.s', 'op': 'matches', 'values': ['a+', 'b*']}]}"""))
                .extracting(ConditionWarning::code, ConditionWarning::pointer).containsExactly(
                        tuple("archived_property", "/condition/all/0/property"),
                        tuple("empty_segment", "/condition/all/1/segment"),
                        tuple("regex_matches_empty", "/condition/all/2/values/1"));
    }

    @Test
    void withoutDataOnlyTheStaticRulesRun() {
        assertThat(ConditionLint.lint(Fixtures.condition("{'op': 'in_segment', 'segment': 'empty'}"),
                Fixtures.catalogue(), null, "")).isEmpty();
    }
}
