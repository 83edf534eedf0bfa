package io.partnerportal.quotes.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.quotes.application.port.QuoteSettings;
import io.partnerportal.quotes.application.port.QuoteSettingsStore;
import io.partnerportal.quotes.domain.DiscountCap;
import io.partnerportal.segments.api.Audience;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Singleton
class JdbcQuoteSettings implements QuoteSettingsStore {

    private final Sql sql;
    private final JsonColumns json;

    JdbcQuoteSettings(Sql sql, JsonColumns json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    @Transactional
    public QuoteSettings get(boolean lock) {
        return sql.one("SELECT allow_quote_creation::text AS a, default_max_discount, discount_caps::text AS c, version, "
                + "updated_at FROM quotes.settings WHERE id = 1" + (lock ? " FOR UPDATE" : ""), rs -> new QuoteSettings(
                Audience.fromJson(json.read(rs.getString("a")), ""), rs.getBigDecimal("default_max_discount"),
                caps(json.read(rs.getString("c"))), rs.getLong("version"), Sql.instant(rs, "updated_at")))
                .orElseThrow(() -> new IllegalStateException("quotes.settings has no row: the changelog seeds it"));
    }

    @Override
    @Transactional
    public void save(QuoteSettings s) {
        sql.update("UPDATE quotes.settings SET allow_quote_creation = ?, default_max_discount = ?, discount_caps = ?, "
                        + "version = ?, updated_at = ? WHERE id = 1", json.write(s.allowQuoteCreation().toJson()),
                s.defaultMaxDiscountPercent(), json.write(s.discountCaps().stream().map(c -> Map.of("segmentId",
                        c.segmentId(), "maxDiscountPercent", c.maxDiscountPercent())).toList()), s.version(),
                s.updatedAt());
    }

    private static List<DiscountCap> caps(Object raw) {
        List<DiscountCap> caps = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object item : list) {
                Map<?, ?> cap = (Map<?, ?>) item;
                caps.add(new DiscountCap((String) cap.get("segmentId"), (BigDecimal) cap.get("maxDiscountPercent")));
            }
        }
        return caps;
    }
}
