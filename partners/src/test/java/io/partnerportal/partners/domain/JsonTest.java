package io.partnerportal.partners.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void numbers_are_exact_decimals_and_nulls_are_kept() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.parse(
                "{\"a\": 0.1, \"b\": 12345678901234567890.5, \"c\": null, \"d\": [true, \"x\\u00e9\\n\"], \"e\": -2e3}");
        assertThat(m.get("a")).isEqualTo(new BigDecimal("0.1"));
        assertThat(m.get("b")).isEqualTo(new BigDecimal("12345678901234567890.5"));
        assertThat(m).containsKey("c");
        assertThat(m.get("c")).isNull();
        assertThat(m.get("d")).isEqualTo(List.of(true, "xé\n"));
        assertThat(((BigDecimal) m.get("e")).compareTo(new BigDecimal("-2000"))).isZero();
    }

    @Test
    void what_it_writes_it_reads_back() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "quote \" backslash \\ tab \t control \u0001");
        m.put("n", new BigDecimal("1.50"));
        m.put("l", Arrays.asList("a", null, false));
        assertThat(Json.parse(Json.write(m))).isEqualTo(m);
    }

    @Test
    void malformed_text_says_where() {
        assertThatThrownBy(() -> Json.parse("{\"a\": \n tru}")).isInstanceOf(Json.SyntaxError.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> Json.parse("{} x")).isInstanceOf(Json.SyntaxError.class);
        assertThatThrownBy(() -> Json.parse("")).isInstanceOf(Json.SyntaxError.class);
        assertThatThrownBy(() -> Json.parse("[01]")).isInstanceOf(Json.SyntaxError.class);
        assertThatThrownBy(() -> Json.parse("[".repeat(100))).isInstanceOf(Json.SyntaxError.class)
                .hasMessageContaining("nesting");
    }
}
