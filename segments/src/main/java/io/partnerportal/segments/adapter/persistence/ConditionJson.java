package io.partnerportal.segments.adapter.persistence;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.partnerportal.common.web.JsonBody;
import io.partnerportal.segments.domain.condition.Condition;
import io.partnerportal.segments.domain.condition.ConditionParser;
import io.partnerportal.segments.domain.condition.ParseResult;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Conditions to and from their stored JSON text. */
@Singleton
class ConditionJson {

    private final JsonMapper json;

    ConditionJson(JsonMapper json) {
        this.json = json;
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object readTree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JsonBody.toPlain(json.readValue(text, JsonNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Condition readCondition(String text) {
        if (text == null) {
            return null;
        }
        ParseResult parsed = ConditionParser.parse(readTree(text), "/condition");
        if (parsed.condition() == null) {
            throw new IllegalStateException("a stored condition no longer parses: " + parsed.errors());
        }
        return parsed.condition();
    }
}
