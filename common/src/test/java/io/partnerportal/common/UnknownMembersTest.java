package io.partnerportal.common;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UnknownMembersTest {

    @Test
    void a_body_with_only_known_members_has_no_error() {
        assertThat(UnknownMembers.of(List.of("name", "version"), Set.of("name", "version", "priority"), ""))
                .isEmpty();
    }

    @Test
    void each_unknown_member_is_one_error_at_its_pointer_in_the_members_order() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nmae", "typo");
        body.put("name", "ok");
        body.put("colour", "red");

        assertThat(UnknownMembers.of(body.keySet(), Set.of("name"), ""))
                .containsExactly(FieldError.at("/nmae", "unknown_field", "unknown field 'nmae'"),
                        FieldError.at("/colour", "unknown_field", "unknown field 'colour'"));
    }

    @Test
    void the_pointer_of_a_nested_object_prefixes_the_member() {
        assertThat(UnknownMembers.of(List.of("extra"), Set.of("segmentId"), "/discountCaps/2"))
                .extracting(FieldError::pointer).containsExactly("/discountCaps/2/extra");
    }

    @Test
    void a_slash_in_a_member_name_is_escaped_so_the_pointer_names_that_member() {
        assertThat(UnknownMembers.of(List.of("a/b"), Set.of(), ""))
                .containsExactly(FieldError.at("/a~1b", "unknown_field", "unknown field 'a/b'"));
        assertThat(UnknownMembers.of(List.of("a/b"), Set.of(), "/lines/0"))
                .extracting(FieldError::pointer).containsExactly("/lines/0/a~1b");
    }

    @Test
    void a_tilde_is_escaped_before_a_slash_so_the_two_never_mix() {
        assertThat(UnknownMembers.of(List.of("~1", "a~/b", "~"), Set.of(), "/x"))
                .extracting(FieldError::pointer).containsExactly("/x/~01", "/x/a~0~1b", "/x/~0");
    }

    @Test
    void the_message_is_the_callers_for_each_member_and_names_it_unescaped() {
        assertThat(UnknownMembers.of(List.of("a/b", "version"), Set.of("version"), "",
                member -> "'" + member + "' is not a setting"))
                .extracting(FieldError::message).containsExactly("'a/b' is not a setting");
    }

    @Test
    void keys_of_a_map_with_unknown_key_type_are_read_as_their_text() {
        Map<?, ?> item = Map.of("mode", "editable");
        assertThat(UnknownMembers.of(item.keySet(), Set.of("key"), "/properties/0"))
                .containsExactly(FieldError.at("/properties/0/mode", "unknown_field", "unknown field 'mode'"));
    }
}
