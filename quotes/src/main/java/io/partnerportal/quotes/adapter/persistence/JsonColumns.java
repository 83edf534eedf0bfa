package io.partnerportal.quotes.adapter.persistence;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.partnerportal.common.jdbc.Jsonb;
import io.partnerportal.common.web.JsonBody;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/** JSONB columns to and from plain Java (maps, lists, strings, BigDecimals). */
@Singleton
class JsonColumns {

    private final JsonMapper json;

    JsonColumns(JsonMapper json) {
        this.json = json;
    }

    Jsonb write(Object value) {
        try {
            return new Jsonb(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JsonBody.toPlain(json.readValue(text, JsonNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
