package io.partnerportal.crm.sync.adapter.persistence;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.jdbc.Jsonb;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.common.web.JsonBody;
import io.partnerportal.crm.spi.CrmObject;
import io.partnerportal.crm.sync.application.MappingService;
import io.partnerportal.crm.sync.application.port.MappingStore;
import io.partnerportal.crm.sync.domain.CrmMapping;
import io.partnerportal.crm.sync.domain.FieldMapping;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Singleton
class JdbcMapping implements MappingStore {

    private final Sql sql;
    private final JsonMapper json;

    JdbcMapping(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    @Transactional
    public CrmMapping get(boolean lock) {
        return sql.one("SELECT fields::text AS fields, version, updated_at FROM crm.mapping WHERE id = 1"
                + (lock ? " FOR UPDATE" : ""), rs -> new CrmMapping(fields(read(rs.getString("fields"))),
                rs.getLong("version"), Sql.instant(rs, "updated_at")))
                .orElseThrow(() -> new IllegalStateException("crm.mapping has no row: the changelog seeds it"));
    }

    @Override
    @Transactional
    public void save(CrmMapping m) {
        sql.update("UPDATE crm.mapping SET fields = ?, version = ?, updated_at = ? WHERE id = 1",
                write(MappingService.snapshot(m).get("fields")), m.version(), m.updatedAt());
    }

    private static List<FieldMapping> fields(Object raw) {
        List<FieldMapping> fields = new ArrayList<>();
        for (Object item : (List<?>) raw) {
            Map<?, ?> f = (Map<?, ?>) item;
            fields.add(new FieldMapping(CrmObject.fromJson((String) f.get("object")), (String) f.get("field"),
                    (String) f.get("property")));
        }
        return fields;
    }

    private Jsonb write(Object value) {
        try {
            return new Jsonb(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object read(String text) {
        try {
            return JsonBody.toPlain(json.readValue(text, JsonNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
