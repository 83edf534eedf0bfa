package io.partnerportal.experiences.adapter.persistence;

import io.micronaut.json.JsonMapper;
import io.partnerportal.common.jdbc.Jsonb;
import io.partnerportal.common.web.JsonBody;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** JSON documents of this module's tables to plain Java (maps, lists, BigDecimal numbers) and back. */
@Singleton
class JsonText {

    private final JsonMapper mapper;

    JsonText(JsonMapper mapper) {
        this.mapper = mapper;
    }

    Jsonb write(Object value) {
        try {
            return new Jsonb(mapper.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> read(String json) {
        try {
            return (Map<String, Object>) JsonBody.toPlain(mapper.readValue(json, io.micronaut.json.tree.JsonNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
