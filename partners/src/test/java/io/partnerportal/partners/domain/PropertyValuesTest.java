package io.partnerportal.partners.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.PropertyOption;
import io.partnerportal.partners.api.PropertySource;
import io.partnerportal.partners.api.PropertyType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyValuesTest {

    static PropertyDefinition def(PropertyType type, String... options) {
        List<PropertyOption> opts = new ArrayList<>();
        for (String o : options) {
            opts.add(new PropertyOption(o, o.toUpperCase()));
        }
        return new PropertyDefinition(PropertyLevel.PARTNER, "p", "P", type, PropertySource.PORTAL, opts, false, false);
    }

    static Object ok(PropertyDefinition def, Object raw) {
        List<FieldError> errors = new ArrayList<>();
        Object value = PropertyValues.normalize(def, raw, "/properties/p", errors);
        assertThat(errors).isEmpty();
        return value;
    }

    static List<String> codes(PropertyDefinition def, Object raw) {
        List<FieldError> errors = new ArrayList<>();
        PropertyValues.normalize(def, raw, "/properties/p", errors);
        return errors.stream().map(FieldError::code).toList();
    }

    @Test
    void values_are_normalized_to_their_typed_form() {
        assertThat(ok(def(PropertyType.NUMBER), 12)).isEqualTo(new BigDecimal("12"));
        assertThat(ok(def(PropertyType.DATE), "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ok(def(PropertyType.DATETIME), "2024-02-29T10:00:00+01:00"))
                .isEqualTo(Instant.parse("2024-02-29T09:00:00Z"));
        assertThat(ok(def(PropertyType.MULTI_ENUM, "b", "a"), List.of("b", "a", "b"))).isEqualTo(List.of("a", "b"));
        assertThat(ok(def(PropertyType.URL), " https://x.example/a ")).isEqualTo("https://x.example/a");
    }

    @Test
    void empty_values_unset() {
        assertThat(ok(def(PropertyType.STRING), "")).isNull();
        assertThat(ok(def(PropertyType.MULTI_ENUM, "a"), List.of())).isNull();
        assertThat(ok(def(PropertyType.ENUM, "a"), null)).isNull();
    }

    @Test
    void wrong_values_are_named() {
        assertThat(codes(def(PropertyType.NUMBER), "12")).containsExactly("wrong_type");
        assertThat(codes(def(PropertyType.BOOLEAN), "true")).containsExactly("wrong_type");
        assertThat(codes(def(PropertyType.DATE), "2024-02-30")).containsExactly("invalid_date");
        assertThat(codes(def(PropertyType.DATETIME), "2024-02-01T10:00:00")).containsExactly("invalid_datetime");
        assertThat(codes(def(PropertyType.ENUM, "gold"), "GOLD")).containsExactly("unknown_option");
        assertThat(codes(def(PropertyType.MULTI_ENUM, "a"), List.of("a", 1, "z"))).containsExactly("wrong_type",
                "unknown_option");
        assertThat(codes(def(PropertyType.URL), "javascript:alert(1)")).containsExactly("invalid_url");
        assertThat(codes(def(PropertyType.STRING), "x".repeat(10_001))).containsExactly("too_long");
    }

    @Test
    void csv_text_is_read_by_type_and_numbers_compare_as_decimals() {
        assertThat(PropertyValues.fromText(PropertyType.BOOLEAN, " Yes ")).isEqualTo(true);
        assertThat(PropertyValues.fromText(PropertyType.NUMBER, "1.50")).isEqualTo(new BigDecimal("1.50"));
        assertThat(PropertyValues.fromText(PropertyType.MULTI_ENUM, "a; b;")).isEqualTo(List.of("a", "b"));
        assertThat(PropertyValues.same(new BigDecimal("12"), new BigDecimal("12.00"))).isTrue();
        assertThat(PropertyValues.toJson(LocalDate.of(2020, 1, 2))).isEqualTo("2020-01-02");
        assertThat(PropertyValues.fromJson(PropertyType.DATETIME, "2020-01-02T00:00:00Z"))
                .isEqualTo(Instant.parse("2020-01-02T00:00:00Z"));
    }
    /** Stored timestamps and dates are read without the formatter: exactly as {@link Instant#parse} reads them. */
    @net.jqwik.api.Property(tries = 2_000)
    void storedTimestampsReadAsInstantParseReadsThem(
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.LongRange(min = -62_167_219_200L, max = 253_402_300_799L)
            long second,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 999_999_999) int nanos,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 3) int precision) {
        int kept = nanos - nanos % new int[] {1_000_000_000, 1_000_000, 1_000, 1}[precision];
        Instant instant = Instant.ofEpochSecond(second, kept);
        String text = instant.toString();
        assertThat(PropertyValues.storedInstant(text)).isEqualTo(Instant.parse(text)).isEqualTo(instant);
        String day = LocalDate.ofEpochDay(Math.floorDiv(second, 86_400)).toString();
        assertThat(PropertyValues.storedDate(day)).isEqualTo(LocalDate.parse(day));
    }

    /** Text near the stored forms: the same value, or the same refusal, as the formatter gives. */
    @net.jqwik.api.Property(tries = 5_000)
    void textNearTheStoredFormsReadsAsTheFormatterReadsIt(
            @net.jqwik.api.ForAll("nearStoredForms") String text) {
        assertThat(outcome(() -> PropertyValues.storedInstant(text))).as(text).isEqualTo(outcome(() -> Instant.parse(text)));
        assertThat(outcome(() -> PropertyValues.storedDate(text))).as(text).isEqualTo(outcome(() -> LocalDate.parse(text)));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> nearStoredForms() {
        net.jqwik.api.Arbitrary<String> base = net.jqwik.api.Arbitraries.of("2026-01-15T10:00:00Z",
                "2024-02-29T23:59:59.999Z", "2023-02-29T00:00:00Z", "2026-12-31T23:59:60Z", "2026-13-01T00:00:00Z",
                "2026-01-15T24:00:00Z", "2026-01-15T10:00:00.Z", "2026-01-15T10:00:00.1234567891Z", "0000-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z", "2026-01-15T10:00Z", "2026-01-15", "2026-02-30", "2026-1-05", "2026-01-15T10:00:00+01:00",
                "2026-04-31", "9999-12-31T23:59:59.000000001Z");
        // and each with one character replaced by a digit, a separator or a letter
        return base.flatMap(b -> net.jqwik.api.Arbitraries.integers().between(0, b.length() - 1).flatMap(
                at -> net.jqwik.api.Arbitraries.of('0', '1', '3', '9', '-', ':', 'T', 'Z', '.', 'x', ' ').map(
                        c -> b.substring(0, at) + c + b.substring(at + 1)))).injectDuplicates(0.0)
                .edgeCases(e -> e.add("2026-01-15T10:00:00Z"));
    }

    private static String outcome(java.util.function.Supplier<Object> read) {
        try {
            return "value " + read.get();
        } catch (java.time.format.DateTimeParseException e) {
            return "refused";
        }
    }
}
