package io.partnerportal.segments.domain.condition;

import io.partnerportal.segments.domain.SegmentLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import static io.partnerportal.segments.domain.condition.Fixtures.Ctx;
import static io.partnerportal.segments.domain.condition.Fixtures.Rec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operator of the contract's table, on every type it applies to, against an unset value, an
 * empty value and present values (today is 2026-03-31). Each row: property, op and operand JSON,
 * the record's value, the expected result.
 */
class ConditionOperatorTableTest {

    private static final Object UNSET = null;
    private static final List<Row> ROWS = new ArrayList<>();

    record Row(String property, String opAndOperands, Object actual, boolean expected) {
        String conditionJson() {
            return "{'property': '" + property + "', 'op': " + opAndOperands + "}";
        }

        @Override
        public String toString() {
            return property + " " + opAndOperands.replace('\'', '"') + " on " + show(actual) + " → " + expected;
        }
    }

    private static String show(Object actual) {
        if (actual == null) {
            return "unset";
        }
        if (actual instanceof String s) {
            return '"' + s + '"';
        }
        return actual + " (" + actual.getClass().getSimpleName() + ")";
    }

    private static void rows(String property, String op, Object... actualThenExpected) {
        for (int i = 0; i < actualThenExpected.length; i += 2) {
            ROWS.add(new Row(property, op, actualThenExpected[i], (Boolean) actualThenExpected[i + 1]));
        }
    }

    private static BigDecimal n(String text) {
        return new BigDecimal(text);
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    private static Instant t(String text) {
        return Instant.parse(text);
    }

    static {
        // string
        String s = "partner.s";
        rows(s, "'eq', 'value': 'abc'", UNSET, false, "", false, "abc", true, "ABC", false, "abcd", false, " abc", false);
        rows(s, "'eq', 'value': 'abc', 'ignoreCase': true", "ABC", true, "aBc", true, "abd", false, UNSET, false);
        rows(s, "'eq', 'values': ['a', 'b']", "b", true, "c", false, UNSET, false);
        rows(s, "'neq', 'value': 'abc'", UNSET, true, "", true, "abc", false, "x", true, "ABC", true);
        rows(s, "'neq', 'value': 'ABC', 'ignoreCase': true", "abc", false, "abd", true, UNSET, true);
        rows(s, "'neq', 'values': ['a', 'b']", "a", false, "c", true, UNSET, true);
        rows(s, "'in', 'values': ['a', 'b']", UNSET, false, "", false, "a", true, "c", false, "A", false);
        rows(s, "'in', 'values': ['A'], 'ignoreCase': true", "a", true, "b", false);
        rows(s, "'in', 'value': 'a'", "a", true, "b", false);
        rows(s, "'not_in', 'values': ['a', 'b']", UNSET, true, "", true, "a", false, "c", true);
        rows(s, "'not_in', 'values': ['A'], 'ignoreCase': true", "a", false, "c", true);
        rows(s, "'contains', 'value': 'bc'", UNSET, false, "", false, "abcd", true, "xyz", false, "ABCD", false);
        rows(s, "'contains', 'value': 'BC', 'ignoreCase': true", "abcd", true, "xyz", false);
        rows(s, "'contains', 'values': ['x', 'bc']", "abcd", true, "pq", false);
        rows(s, "'not_contains', 'value': 'bc'", UNSET, true, "", true, "abcd", false, "xyz", true);
        rows(s, "'not_contains', 'values': ['x', 'bc'], 'ignoreCase': true", "ABCD", false, "pq", true);
        rows(s, "'starts_with', 'value': 'ab'", UNSET, false, "", false, "abc", true, "cab", false, "ABC", false);
        rows(s, "'starts_with', 'value': 'AB', 'ignoreCase': true", "abc", true, "cab", false);
        rows(s, "'starts_with', 'values': ['x', 'ab']", "abc", true, "b", false);
        rows(s, "'ends_with', 'value': 'bc'", UNSET, false, "", false, "abc", true, "bca", false, "ABC", false);
        rows(s, "'ends_with', 'value': 'BC', 'ignoreCase': true", "abc", true);
        rows(s, "'matches', 'value': '^a.c$'", UNSET, false, "", false, "abc", true, "abcd", false, "ABC", false);
        rows(s, "'matches', 'value': 'b+'", "abbbc", true, "ac", false);
        rows(s, "'matches', 'value': '^ABC$', 'ignoreCase': true", "abc", true, "abd", false);
        rows(s, "'matches', 'values': ['^x', 'c$']", "abc", true, "cab", false);
        rows(s, "'is_set'", UNSET, false, "", false, "a", true, " ", true);
        rows(s, "'is_not_set'", UNSET, true, "", true, "a", false);
        rows(s, "'eq', 'value': '12'", n("12"), false); // a value of another Java type counts as unset
        rows(s, "'neq', 'value': '12'", n("12"), true);

        // url: string semantics, exactly as stored
        String u = "partner.u";
        rows(u, "'eq', 'value': 'https://acme.example'", "https://acme.example", true, "https://acme.example/", false,
                UNSET, false, "", false);
        rows(u, "'neq', 'value': 'https://acme.example'", UNSET, true, "https://acme.example", false);
        rows(u, "'in', 'values': ['https://a.example', 'https://b.example']", "https://b.example", true, UNSET, false);
        rows(u, "'not_in', 'values': ['https://a.example']", "https://b.example", true, UNSET, true,
                "https://a.example", false);
        rows(u, "'contains', 'value': 'acme'", "https://acme.example", true, "https://other.example", false, UNSET, false);
        rows(u, "'contains', 'value': 'ACME', 'ignoreCase': true", "https://acme.example", true);
        rows(u, "'not_contains', 'value': 'acme'", UNSET, true, "https://acme.example", false);
        rows(u, "'starts_with', 'value': 'https://'", "https://acme.example", true, "http://acme.example", false);
        rows(u, "'ends_with', 'value': '.example'", "https://acme.example", true, "https://acme.com", false);
        rows(u, "'matches', 'value': '\\\\.example$'", "https://acme.example", true, "https://acme.com", false);
        rows(u, "'is_set'", UNSET, false, "", false, "https://acme.example", true);
        rows(u, "'is_not_set'", UNSET, true, "https://acme.example", false);

        // number: decimals, 12 equals 12.0
        String num = "partner.n";
        rows(num, "'eq', 'value': 12", UNSET, false, n("12"), true, n("12.0"), true, n("13"), false, 12, true, 12.0d, true,
                "12", false);
        rows(num, "'eq', 'value': 12.50", n("12.5"), true, n("12.51"), false);
        rows(num, "'eq', 'values': [1, 2]", n("2"), true, n("3"), false);
        rows(num, "'neq', 'value': 12", UNSET, true, n("12.0"), false, n("13"), true);
        rows(num, "'lt', 'value': 10", UNSET, false, n("9"), true, n("10"), false, n("11"), false, n("-1"), true);
        rows(num, "'lte', 'value': 10", UNSET, false, n("10"), true, n("10.00"), true, n("11"), false);
        rows(num, "'gt', 'value': 10", UNSET, false, n("11"), true, n("10"), false, n("10.001"), true);
        rows(num, "'gte', 'value': 10", UNSET, false, n("10"), true, n("9.99"), false);
        rows(num, "'between', 'values': [1, 5]", UNSET, false, n("1"), true, n("5"), true, n("3"), true, n("0.99"), false,
                n("5.01"), false);
        rows(num, "'between', 'values': [2, 2]", n("2.0"), true, n("2.1"), false);
        rows(num, "'in', 'values': [1, 2, 3]", UNSET, false, n("2.0"), true, n("4"), false, 3L, true);
        rows(num, "'not_in', 'values': [1, 2, 3]", UNSET, true, n("2"), false, n("4"), true);
        rows(num, "'is_set'", UNSET, false, n("0"), true, Double.NaN, false);
        rows(num, "'is_not_set'", UNSET, true, n("0"), false);

        // boolean
        String b = "partner.b";
        rows(b, "'is_true'", UNSET, false, true, true, false, false, "true", false);
        rows(b, "'is_false'", UNSET, false, false, true, true, false);
        rows(b, "'is_set'", UNSET, false, false, true, true, true);
        rows(b, "'is_not_set'", UNSET, true, false, false);

        // date (today 2026-03-31)
        String d = "partner.d";
        rows(d, "'eq', 'value': '2026-03-01'", UNSET, false, d("2026-03-01"), true, d("2026-03-02"), false);
        rows(d, "'eq', 'values': ['2026-03-01', '2026-03-05']", d("2026-03-05"), true, d("2026-03-04"), false);
        rows(d, "'before', 'value': '2026-03-01'", UNSET, false, d("2026-02-28"), true, d("2026-03-01"), false);
        rows(d, "'after', 'value': '2026-03-01'", UNSET, false, d("2026-03-02"), true, d("2026-03-01"), false);
        rows(d, "'between', 'values': ['2026-03-01', '2026-03-10']", UNSET, false, d("2026-03-01"), true,
                d("2026-03-10"), true, d("2026-03-11"), false, d("2026-02-28"), false);
        rows(d, "'within_last', 'value': 1, 'unit': 'months'", UNSET, false, d("2026-02-28"), true, d("2026-02-27"), false,
                d("2026-03-31"), true, d("2026-04-01"), false);
        rows(d, "'within_last', 'value': 7, 'unit': 'days'", d("2026-03-24"), true, d("2026-03-23"), false);
        rows(d, "'within_last', 'value': 2, 'unit': 'weeks'", d("2026-03-17"), true, d("2026-03-16"), false);
        rows(d, "'within_last', 'value': 0, 'unit': 'days'", d("2026-03-31"), true, d("2026-03-30"), false);
        rows(d, "'within_next', 'value': 10, 'unit': 'days'", UNSET, false, d("2026-03-31"), true, d("2026-04-10"), true,
                d("2026-04-11"), false, d("2026-03-30"), false);
        rows(d, "'within_next', 'value': 1, 'unit': 'months'", d("2026-04-30"), true, d("2026-05-01"), false);
        rows(d, "'more_than_ago', 'value': 30, 'unit': 'days'", UNSET, false, d("2026-03-01"), false,
                d("2026-02-28"), true, d("2026-03-31"), false);
        rows(d, "'more_than_ago', 'value': 1, 'unit': 'months'", d("2026-02-27"), true, d("2026-02-28"), false);
        rows(d, "'is_set'", UNSET, false, d("2026-03-01"), true, "2026-03-01", false);
        rows(d, "'is_not_set'", UNSET, true, d("2026-03-01"), false);

        // datetime: a date-only operand is the whole UTC day
        String dt = "partner.t";
        rows(dt, "'eq', 'value': '2026-03-01'", UNSET, false, t("2026-03-01T00:00:00Z"), true, t("2026-03-01T23:59:59Z"), true,
                t("2026-03-02T00:00:00Z"), false, t("2026-02-28T23:59:59Z"), false);
        rows(dt, "'eq', 'value': '2026-03-01T10:00:00Z'", t("2026-03-01T10:00:00Z"), true, t("2026-03-01T10:00:01Z"), false);
        rows(dt, "'eq', 'value': '2026-03-01T12:00:00+02:00'", t("2026-03-01T10:00:00Z"), true);
        rows(dt, "'eq', 'values': ['2026-03-01', '2026-03-05T08:00:00Z']", t("2026-03-05T08:00:00Z"), true,
                t("2026-03-01T08:00:00Z"), true, t("2026-03-05T09:00:00Z"), false);
        rows(dt, "'before', 'value': '2026-03-01'", UNSET, false, t("2026-02-28T23:59:59Z"), true, t("2026-03-01T00:00:00Z"), false);
        rows(dt, "'before', 'value': '2026-03-01T10:00:00Z'", t("2026-03-01T09:59:59Z"), true, t("2026-03-01T10:00:00Z"), false);
        rows(dt, "'after', 'value': '2026-03-01'", UNSET, false, t("2026-03-01T23:59:59Z"), false, t("2026-03-02T00:00:00Z"), true);
        rows(dt, "'after', 'value': '2026-03-01T10:00:00Z'", t("2026-03-01T10:00:01Z"), true, t("2026-03-01T10:00:00Z"), false);
        rows(dt, "'between', 'values': ['2026-03-01', '2026-03-02']", t("2026-03-02T23:59:59Z"), true,
                t("2026-03-03T00:00:00Z"), false, t("2026-03-01T00:00:00Z"), true, t("2026-02-28T23:59:59Z"), false, UNSET, false);
        rows(dt, "'between', 'values': ['2026-03-01T10:00:00Z', '2026-03-01T12:00:00Z']", t("2026-03-01T12:00:00Z"), true,
                t("2026-03-01T12:00:01Z"), false, t("2026-03-01T10:00:00Z"), true);
        rows(dt, "'within_last', 'value': 1, 'unit': 'days'", UNSET, false, t("2026-03-30T00:00:00Z"), true,
                t("2026-03-29T23:59:59Z"), false, t("2026-03-31T23:59:59Z"), true, t("2026-04-01T00:00:00Z"), false);
        rows(dt, "'within_next', 'value': 1, 'unit': 'days'", UNSET, false, t("2026-04-01T23:59:59Z"), true,
                t("2026-04-02T00:00:00Z"), false, t("2026-03-31T00:00:00Z"), true, t("2026-03-30T23:59:59Z"), false);
        rows(dt, "'more_than_ago', 'value': 1, 'unit': 'days'", UNSET, false, t("2026-03-29T23:59:59Z"), true,
                t("2026-03-30T00:00:00Z"), false);
        rows(dt, "'is_set'", UNSET, false, t("2026-03-01T00:00:00Z"), true);
        rows(dt, "'is_not_set'", UNSET, true, t("2026-03-01T00:00:00Z"), false);

        // enum: option keys, exact
        String e = "partner.e";
        rows(e, "'in', 'values': ['gold', 'platinum']", UNSET, false, "", false, "gold", true, "silver", false, "GOLD", false);
        rows(e, "'in', 'value': 'gold'", "gold", true, "silver", false);
        rows(e, "'not_in', 'values': ['gold']", UNSET, true, "", true, "gold", false, "silver", true);
        rows(e, "'is_set'", UNSET, false, "", false, "gold", true);
        rows(e, "'is_not_set'", UNSET, true, "gold", false);

        // multi_enum
        String m = "partner.m";
        rows(m, "'contains_any', 'values': ['x', 'y']", UNSET, false, List.of(), false, List.of("x"), true, List.of("z"), false,
                List.of("y", "z"), true, Set.of("x"), true, "x", true);
        rows(m, "'contains_any', 'value': 'x'", List.of("x", "z"), true, List.of("y"), false);
        rows(m, "'contains_all', 'values': ['x', 'y']", UNSET, false, List.of(), false, List.of("x", "y", "z"), true,
                List.of("x"), false);
        rows(m, "'contains_none', 'values': ['x', 'y']", UNSET, true, List.of(), true, List.of("z"), true,
                List.of("x", "z"), false);
        rows(m, "'is_empty'", UNSET, true, List.of(), true, Collections.emptySet(), true, List.of("x"), false);
        rows(m, "'is_not_empty'", UNSET, false, List.of(), false, List.of("x"), true);

        // user: ids, exact
        String usr = "partner.usr";
        rows(usr, "'eq', 'value': 'u-1'", UNSET, false, "", false, "u-1", true, "u-2", false);
        rows(usr, "'neq', 'value': 'u-1'", UNSET, true, "u-1", false, "u-2", true);
        rows(usr, "'in', 'values': ['u-1', 'u-2']", UNSET, false, "u-2", true, "u-3", false);
        rows(usr, "'not_in', 'values': ['u-1', 'u-2']", UNSET, true, "u-2", false, "u-3", true);
        rows(usr, "'is_set'", UNSET, false, "u-1", true);
        rows(usr, "'is_not_set'", UNSET, true, "u-1", false);
    }

    static Stream<Arguments> rows() {
        return ROWS.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void operatorOnValue(Row row) {
        CompiledCondition compiled = Fixtures.compiled(row.conditionJson(), SegmentLevel.PARTNER);
        Rec partner = row.actual() == null ? Rec.of("p-1") : Rec.of("p-1", row.property().substring("partner.".length()),
                row.actual());
        Ctx ctx = new Ctx();

        assertThat(compiled.matches(partner, null, ctx)).isEqualTo(row.expected());
        assertThat(compiled.explain(partner, null, ctx).result()).isEqualTo(row.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void negationIsTheOpposite(Row row) {
        CompiledCondition compiled = Fixtures.compiled("{'not': " + row.conditionJson() + "}", SegmentLevel.PARTNER);
        Rec partner = row.actual() == null ? Rec.of("p-1") : Rec.of("p-1", row.property().substring("partner.".length()),
                row.actual());

        assertThat(compiled.matches(partner, null, new Ctx())).isEqualTo(!row.expected());
    }
}
