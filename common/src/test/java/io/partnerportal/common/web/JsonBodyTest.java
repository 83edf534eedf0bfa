package io.partnerportal.common.web;

import io.micronaut.json.tree.JsonNode;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyTest {

    private static JsonNode object(Object... memberNodePairs) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        for (int i = 0; i < memberNodePairs.length; i += 2) {
            map.put((String) memberNodePairs[i], (JsonNode) memberNodePairs[i + 1]);
        }
        return JsonNode.createObjectNode(map);
    }

    @Test
    void a_segment_body_with_unknown_members_and_wrong_types_answers_every_error_with_its_pointer() {
        JsonBody body = JsonBody.of(object(
                "name", JsonNode.createStringNode("  Gold  "),
                "version", JsonNode.createStringNode("3"),
                "colour/shade", JsonNode.createStringNode("red"),
                "permissions", object("invite~s", JsonNode.createBooleanNode(true))));

        body.allowOnly(Set.of("name", "version", "permissions"));
        assertThat(body.string("name", true, 100)).isEqualTo("  Gold  ");
        assertThat(body.integer("version", true)).isNull();
        body.object("permissions").allowOnly(Set.of("invites"));

        assertThat(body.errors()).containsExactly(
                FieldError.at("/colour~1shade", "unknown_field", "unknown field 'colour/shade'"),
                FieldError.at("/version", "wrong_value_type", "version must be an integer"),
                FieldError.at("/permissions/invite~0s", "unknown_field", "unknown field 'invite~s'"));
        assertThatThrownBy(body::throwIfInvalid).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).hasSize(3));
    }

    @Test
    void strings_lists_and_booleans_keep_their_own_messages() {
        JsonBody body = JsonBody.of(object(
                "ids", JsonNode.createArrayNode(List.of(JsonNode.createStringNode("a"), JsonNode.createStringNode(" "))),
                "description", JsonNode.createStringNode("abcdef"),
                "flag", JsonNode.createStringNode("yes")));

        assertThat(body.strings("ids", 10)).containsExactly("a");
        assertThat(body.string("description", false, 5)).isNull();
        assertThat(body.bool("flag")).isNull();

        assertThat(body.errors()).containsExactly(
                FieldError.at("/ids/1", "wrong_value_type", "must be a non-empty string"),
                FieldError.at("/description", "too_long", "description must be at most 5 characters"),
                FieldError.at("/flag", "wrong_value_type", "flag must be true, false or null"));
    }

    @Test
    void a_body_that_is_not_an_object_is_a_422_at_the_root() {
        assertThatThrownBy(() -> JsonBody.of(JsonNode.createArrayNode(List.of())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::pointer).containsExactly(""));
    }
}
