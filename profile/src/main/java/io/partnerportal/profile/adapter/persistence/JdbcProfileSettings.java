package io.partnerportal.profile.adapter.persistence;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.jdbc.Jsonb;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.common.web.JsonBody;
import io.partnerportal.profile.application.port.ProfileSettings;
import io.partnerportal.profile.application.port.ProfileSettingsStore;
import io.partnerportal.profile.domain.ProfileLayout;
import io.partnerportal.profile.domain.ProfileProperty;
import io.partnerportal.segments.api.Audience;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Singleton
class JdbcProfileSettings implements ProfileSettingsStore {

    private final Sql sql;
    private final JsonMapper json;

    JdbcProfileSettings(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    @Transactional
    public ProfileSettings get(boolean lock) {
        return sql.one("SELECT properties::text AS p, edit_audience::text AS a, version, updated_at FROM profile.settings "
                + "WHERE id = 1" + (lock ? " FOR UPDATE" : ""), rs -> new ProfileSettings(
                layout(read(rs.getString("p"))), Audience.fromJson(read(rs.getString("a")), ""), rs.getLong("version"),
                Sql.instant(rs, "updated_at")))
                .orElseThrow(() -> new IllegalStateException("profile.settings has no row: the changelog seeds it"));
    }

    @Override
    @Transactional
    public void save(ProfileSettings s) {
        sql.update("UPDATE profile.settings SET properties = ?, edit_audience = ?, version = ?, updated_at = ? "
                        + "WHERE id = 1", write(s.snapshot().get("properties")), write(s.editAudience().toJson()),
                s.version(), s.updatedAt());
    }

    private static ProfileLayout layout(Object raw) {
        List<ProfileProperty> properties = new ArrayList<>();
        for (Object item : (List<?>) raw) {
            Map<?, ?> p = (Map<?, ?>) item;
            properties.add(new ProfileProperty((String) p.get("key"), ProfileProperty.Mode.fromJson((String) p.get("mode"))));
        }
        return new ProfileLayout(properties);
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
