package io.partnerportal.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class FieldsTest {

    private final List<FieldError> errors = new ArrayList<>();

    private Fields fields(String pointer, Object... memberValuePairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < memberValuePairs.length; i += 2) {
            map.put((String) memberValuePairs[i], memberValuePairs[i + 1]);
        }
        return new Fields(map, pointer, errors);
    }

    @Test
    void a_tab_with_a_typo_and_a_slash_in_a_member_is_refused_member_by_member() {
        Fields tab = fields("/tabs/0", "title", "Deals", "titel", "x", "a/b", 1);

        tab.allowOnly(Set.of("title"));

        assertThat(errors).containsExactly(
                FieldError.at("/tabs/0/titel", "unknown_field", "unknown field 'titel'"),
                FieldError.at("/tabs/0/a~1b", "unknown_field", "unknown field 'a/b'"));
    }

    @Test
    void strings_are_trimmed_and_a_blank_required_one_is_missing() {
        Fields f = fields("", "name", "  Onboarding  ", "slug", "   ", "icon", 3, "long", "abcdef");

        assertThat(f.string("name", true, 20)).isEqualTo("Onboarding");
        assertThat(f.string("slug", true, 20)).isNull();
        assertThat(f.string("icon", false, 20)).isNull();
        assertThat(f.string("long", false, 5)).isNull();
        assertThat(f.string("absent", false, 5)).isNull();

        assertThat(errors).containsExactly(
                FieldError.at("/slug", "required", "slug must not be blank"),
                FieldError.at("/icon", "wrong_value_type", "icon must be a string"),
                FieldError.at("/long", "too_long", "long has at most 5 characters"));
    }

    @Test
    void integers_are_whole_numbers_in_range() {
        Fields f = fields("", "priority", new BigDecimal("3"), "low", new BigDecimal("-1"),
                "half", new BigDecimal("1.5"));

        assertThat(f.integer("priority", true, 0, 10)).isEqualTo(3);
        assertThat(f.integer("low", true, 0, 10)).isNull();
        assertThat(f.integer("half", true, 0, 10)).isNull();
        assertThat(f.integer("absent", true, 0, 10)).isNull();

        assertThat(errors).extracting(FieldError::pointer, FieldError::code).containsExactly(
                tuple("/low", "out_of_range"),
                tuple("/half", "out_of_range"),
                tuple("/absent", "required"));
    }

    @Test
    void booleans_fall_back_when_absent_or_wrong_and_lists_are_bounded() {
        Fields f = fields("", "required", true, "wrong", "yes", "options", List.of("a", "b", "c"));

        assertThat(f.bool("required", false)).isTrue();
        assertThat(f.bool("absent", true)).isTrue();
        assertThat(f.bool("wrong", false)).isFalse();
        assertThat(f.list("options", true, 2)).isNull();

        assertThat(errors).containsExactly(
                FieldError.at("/wrong", "wrong_value_type", "wrong is true or false"),
                FieldError.at("/options", "too_many_values", "options holds at most 2 items"));
    }

    @Test
    void the_shared_checks_record_a_missing_required_member_and_a_wrong_type_once() {
        Fields f = fields("/links/0", "label", "  Docs ", "url", 7, "items", "x", "tags", List.of(1, 2, 3));

        assertThat(f.text("label", true)).isEqualTo("  Docs ");
        assertThat(f.text("url", true)).isNull();
        assertThat(f.value("missing", true)).isNull();
        assertThat(f.value("optional", false)).isNull();
        assertThat(f.list("items", false)).isNull();
        assertThat(f.list("tags", true)).hasSize(3);

        assertThat(errors).containsExactly(
                FieldError.at("/links/0/url", "wrong_value_type", "url must be a string"),
                FieldError.at("/links/0/missing", "required", "missing is required"),
                FieldError.at("/links/0/items", "wrong_value_type", "items must be a list"));
    }

    @Test
    void something_that_is_not_an_object_is_one_error_at_its_pointer() {
        assertThat(Fields.of("text", "/sections/1", errors)).isNull();
        assertThat(Fields.of(null, "/visibility", errors)).isNull();

        assertThat(errors).extracting(FieldError::pointer, FieldError::code).containsExactly(
                tuple("/sections/1", "wrong_value_type"),
                tuple("/visibility", "required"));
    }

    @Test
    void fail_on_throws_every_error_found_and_nothing_when_there_is_none() {
        Fields.failOn(errors);
        errors.add(FieldError.at("/name", "required", "name is required"));
        errors.add(FieldError.at("/x", "unknown_field", "unknown field 'x'"));

        assertThatThrownBy(() -> Fields.failOn(errors)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).hasSize(2));
    }
}
