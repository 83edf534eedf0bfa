package io.partnerportal.segments.domain.condition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.partnerportal.segments.domain.condition.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Structure errors: every code with its exact pointer into the request body, all of them in one answer. */
class ConditionParserTest {

    private static List<ConditionError> errors(String text) {
        ParseResult result = ConditionParser.parse(json(text), "/condition");
        assertThat(result.condition()).isNull();
        return result.errors();
    }

    private static ConditionError only(String text) {
        List<ConditionError> errors = errors(text);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @ParameterizedTest(name = "{0} → {1} at {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            'a string'                                                             | wrong_value_type | /condition
            {}                                                                     | required         | /condition
            {'property': 'partner.s', 'value': 'x'}                                | required         | /condition/op
            {'all': {'property': 'partner.s', 'op': 'is_set'}}                     | wrong_value_type | /condition/all
            {'all': []}                                                            | empty_group      | /condition/all
            {'any': []}                                                            | empty_group      | /condition/any
            {'all': [{'not': []}]}                                                 | wrong_value_type | /condition/all/0/not
            {'not': null}                                                          | wrong_value_type | /condition/not
            {'op': 7}                                                              | wrong_value_type | /condition/op
            {'op': 'like', 'property': 'partner.s', 'value': 'x'}                  | unknown_operator | /condition/op
            {'op': 'eq', 'value': 'x'}                                             | required         | /condition/property
            {'op': 'eq', 'property': 'tier', 'value': 'x'}                         | unknown_property | /condition/property
            {'op': 'eq', 'property': 'partner.', 'value': 'x'}                     | unknown_property | /condition/property
            {'op': 'eq', 'property': 42, 'value': 'x'}                             | wrong_value_type | /condition/property
            {'op': 'eq', 'property': 'partner.s'}                                  | required         | /condition/value
            {'op': 'eq', 'property': 'partner.s', 'value': 'x', 'values': ['y']}   | unknown_field    | /condition/values
            {'op': 'eq', 'property': 'partner.s', 'value': 'x', 'colour': 'red'}   | unknown_field    | /condition/colour
            {'op': 'eq', 'property': 'partner.s', 'value': {'a': 1}}               | wrong_value_type | /condition/value
            {'op': 'eq', 'property': 'partner.s', 'value': null}                   | wrong_value_type | /condition/value
            {'op': 'eq', 'property': 'partner.s', 'value': ''}                     | invalid_value    | /condition/value
            {'op': 'in', 'property': 'partner.s', 'values': []}                    | empty_values     | /condition/values
            {'op': 'in', 'property': 'partner.s', 'values': 'a'}                   | wrong_value_type | /condition/values
            {'op': 'in', 'property': 'partner.s', 'values': ['a', ['b']]}          | wrong_value_type | /condition/values/1
            {'op': 'eq', 'property': 'partner.s', 'value': 'x', 'ignoreCase': 1}   | wrong_value_type | /condition/ignoreCase
            {'op': 'is_set', 'property': 'partner.s', 'value': 'x'}                | unknown_field    | /condition/value
            {'op': 'lt', 'property': 'partner.n', 'value': 1, 'values': [1]}       | unknown_field    | /condition/values
            {'op': 'between', 'property': 'partner.n', 'values': [1, 2, 3]}        | invalid_range    | /condition/values
            {'op': 'between', 'property': 'partner.n', 'values': [1]}              | invalid_range    | /condition/values
            {'op': 'between', 'property': 'partner.n'}                             | required         | /condition/values
            {'op': 'within_last', 'property': 'partner.d', 'value': 3}             | required         | /condition/unit
            {'op': 'within_last', 'property': 'partner.d', 'value': 3, 'unit': 'years'} | invalid_value | /condition/unit
            {'op': 'within_last', 'property': 'partner.d', 'value': -1, 'unit': 'days'} | invalid_value | /condition/value
            {'op': 'within_last', 'property': 'partner.d', 'value': 1.5, 'unit': 'days'} | invalid_value | /condition/value
            {'op': 'within_last', 'property': 'partner.d', 'value': '3', 'unit': 'days'} | wrong_value_type | /condition/value
            {'op': 'more_than_ago', 'property': 'partner.d', 'unit': 'days'}       | required         | /condition/value
            {'op': 'in_segment'}                                                   | required         | /condition/segment
            {'op': 'in_segment', 'segment': ''}                                    | invalid_value    | /condition/segment
            {'op': 'not_in_segment', 'segment': 3}                                 | wrong_value_type | /condition/segment
            {'op': 'in_segment', 'segment': 'a', 'property': 'partner.s'}          | unknown_field    | /condition/property
            {'op': 'any_contact'}                                                  | required         | /condition/where
            {'op': 'all_contacts', 'where': 'x'}                                   | wrong_value_type | /condition/where
            {'all': [{'op': 'is_set', 'property': 'partner.s'}], 'any': []}        | unknown_field    | /condition/any
            {'op': 'eq', 'property': 'partner.s', 'value': 'x', 'a/b~c': 1}        | unknown_field    | /condition/a~1b~0c
            """)
    void reportsTheErrorAtItsPointer(String condition, String code, String pointer) {
        assertThat(only(condition)).extracting(ConditionError::code, ConditionError::pointer).containsExactly(code, pointer);
    }

    @Test
    void reportsEveryErrorInOneAnswerInDocumentOrder() {
        List<ConditionError> errors = errors("""
                {'all': [
                  {'property': 'partner.s', 'op': 'eq', 'value': 'ok'},
                  {'any': []},
                  {'property': 'partner.s', 'op': 'nope', 'value': 'x'},
                  {'property': 'partner.n', 'op': 'in', 'values': [1, {}, 3, null]},
                  {'op': 'in_segment', 'segment': 'x', 'extra': true}
                ]}""");

        assertThat(errors).extracting(ConditionError::pointer, ConditionError::code).containsExactly(
                tuple("/condition/all/1/any", "empty_group"),
                tuple("/condition/all/2/op", "unknown_operator"),
                tuple("/condition/all/3/values/1", "wrong_value_type"),
                tuple("/condition/all/3/values/3", "wrong_value_type"),
                tuple("/condition/all/4/extra", "unknown_field"));
    }

    @Test
    void aValidConditionParsesAndKeepsItsShape() {
        ParseResult result = ConditionParser.parse(json("""
                {'all': [
                  {'property': 'partner.tier', 'op': 'in', 'values': ['gold', 'platinum']},
                  {'not': {'property': 'contact.email', 'op': 'ends_with', 'value': '@acme.com', 'ignoreCase': true}},
                  {'property': 'partner.signed_at', 'op': 'within_last', 'value': 30, 'unit': 'days'},
                  {'op': 'not_in_segment', 'segment': 'seg-1'},
                  {'op': 'any_contact', 'where': {'property': 'contact.role', 'op': 'in', 'values': ['admin']}}
                ]}"""), "");

        assertThat(result.errors()).isEmpty();
        Condition condition = result.condition();
        assertThat(condition.depth()).isEqualTo(3);
        assertThat(condition.leafCount()).isEqualTo(5);
        assertThat(condition.usesRelativeDates()).isTrue();
        assertThat(condition.referencedSegments()).containsExactly("seg-1");
        assertThat(condition.readProperties()).extracting(PropertyRef::qualified)
                .containsExactly("partner.tier", "contact.email", "partner.signed_at", "contact.role");
        assertThat(ConditionParser.parse(condition.toJson(), "").condition()).isEqualTo(condition);
    }

    @Test
    void theCanonicalJsonDropsIgnoreCaseFalse() {
        Condition condition = Fixtures.condition("{'property': 'partner.s', 'op': 'eq', 'value': 'x', 'ignoreCase': false}");

        assertThat(condition.toJson()).isEqualTo(json("{'property': 'partner.s', 'op': 'eq', 'value': 'x'}"));
    }

    // --- limits ---

    private static Object nots(int nots, Object leaf) {
        Object node = leaf;
        for (int i = 0; i < nots; i++) {
            Map<String, Object> not = new HashMap<>();
            not.put("not", node);
            node = not;
        }
        return node;
    }

    private static Map<String, Object> leaf() {
        Map<String, Object> leaf = new LinkedHashMap<>();
        leaf.put("property", "partner.s");
        leaf.put("op", "is_set");
        return leaf;
    }

    @Test
    void depth32IsAcceptedAndDepth33Refused() {
        assertThat(ConditionParser.parse(nots(31, leaf()), "").condition().depth()).isEqualTo(32);

        List<ConditionError> errors = ConditionParser.parse(nots(32, leaf()), "/condition").errors();

        assertThat(errors).extracting(ConditionError::code, ConditionError::pointer)
                .containsExactly(tuple("too_deep", "/condition" + "/not".repeat(32)));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void aHostilelyDeepConditionIsRefusedWithoutDescending() {
        List<ConditionError> errors = ConditionParser.parse(nots(200_000, leaf()), "").errors();

        assertThat(errors).extracting(ConditionError::code).containsExactly("too_deep");
    }

    private static Map<String, Object> allOf(int leaves) {
        List<Object> children = new ArrayList<>();
        for (int i = 0; i < leaves; i++) {
            children.add(leaf());
        }
        Map<String, Object> all = new HashMap<>();
        all.put("all", children);
        return all;
    }

    @Test
    void upTo256LeavesAreAcceptedAnd257Refused() {
        Map<String, Object> twoGroups = new HashMap<>();
        twoGroups.put("any", List.of(allOf(200), allOf(56)));
        assertThat(ConditionParser.parse(twoGroups, "").condition().leafCount()).isEqualTo(256);

        twoGroups.put("any", List.of(allOf(200), allOf(57)));
        assertThat(ConditionParser.parse(twoGroups, "/condition").errors())
                .extracting(ConditionError::code, ConditionError::pointer)
                .containsExactly(tuple("too_many_leaves", "/condition/any/1/all/56"));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void aHugeGroupOrValueListIsRefusedWithoutWalkingIt() {
        assertThat(ConditionParser.parse(allOf(1_001), "").errors())
                .extracting(ConditionError::code, ConditionError::pointer).containsExactly(tuple("too_many_values", "/all"));

        Map<String, Object> in = new LinkedHashMap<>();
        in.put("property", "partner.n");
        in.put("op", "in");
        in.put("values", Collections.nCopies(1_000, BigDecimal.ONE));
        assertThat(ConditionParser.parse(in, "").errors()).isEmpty();

        in.put("values", Collections.nCopies(1_001, BigDecimal.ONE));
        assertThat(ConditionParser.parse(in, "").errors())
                .extracting(ConditionError::code, ConditionError::pointer).containsExactly(tuple("too_many_values", "/values"));

        in.put("values", Collections.nCopies(5_000_000, new Object()));
        assertThat(ConditionParser.parse(in, "").errors()).extracting(ConditionError::code).containsExactly("too_many_values");
    }

    @Test
    void stringsHaveAtMost1000CharactersAndRegexes200() {
        Map<String, Object> eq = new LinkedHashMap<>();
        eq.put("property", "partner.s");
        eq.put("op", "eq");
        eq.put("value", "x".repeat(1_000));
        assertThat(ConditionParser.parse(eq, "").errors()).isEmpty();
        eq.put("value", "x".repeat(1_001));
        assertThat(ConditionParser.parse(eq, "").errors())
                .extracting(ConditionError::code, ConditionError::pointer).containsExactly(tuple("string_too_long", "/value"));

        eq.put("op", "matches");
        eq.put("value", "x".repeat(200));
        assertThat(ConditionParser.parse(eq, "").errors()).isEmpty();
        eq.put("value", "x".repeat(201));
        assertThat(ConditionParser.parse(eq, "").errors())
                .extracting(ConditionError::code, ConditionError::pointer).containsExactly(tuple("regex_too_long", "/value"));

        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("op", "in_segment");
        segment.put("segment", "s".repeat(10_000_000));
        assertThat(ConditionParser.parse(segment, "").errors())
                .extracting(ConditionError::code, ConditionError::pointer).containsExactly(tuple("string_too_long", "/segment"));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void errorsStopAfterAHundred() {
        Map<String, Object> node = leaf();
        for (int i = 0; i < 100_000; i++) {
            node.put("junk" + i, i);
        }

        List<ConditionError> errors = ConditionParser.parse(node, "").errors();

        assertThat(errors).hasSize(ConditionParser.MAX_ERRORS + 1);
        assertThat(errors.get(ConditionParser.MAX_ERRORS).code()).isEqualTo("too_many_errors");
    }

    @Test
    void aPointerPrefixIsOptional() {
        assertThat(ConditionParser.parse(json("{'all': []}"), "").errors())
                .extracting(ConditionError::pointer).containsExactly("/all");
        assertThat(ConditionParser.parse(json("{'all': []}"), null).errors())
                .extracting(ConditionError::pointer).containsExactly("/all");
    }
}
