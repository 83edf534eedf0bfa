package io.partnerportal.quotes.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.quotes.application.port.QuoteStore;
import io.partnerportal.quotes.domain.Money;
import io.partnerportal.quotes.domain.Quote;
import io.partnerportal.quotes.domain.QuoteLine;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
class JdbcQuotes implements QuoteStore {

    private static final String QUOTE = "SELECT id, number, partner_id, contact_id, currency, subtotal, discount_total, "
            + "total, created_at, request_hash FROM quotes.quote";

    private final Sql sql;

    JdbcQuotes(Sql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional
    public void lockIdempotencyKey(UUID contactId, String key) {
        sql.one("SELECT pg_advisory_xact_lock(hashtext('quotes.idempotency:' || ? || ':' || ?))", rs -> 1,
                contactId.toString(), key);
    }

    @Override
    @Transactional
    public Optional<Keyed> findByKey(UUID contactId, String key) {
        return withLines(sql.list(QUOTE + " WHERE contact_id = ? AND idempotency_key = ?", JdbcQuotes::header,
                contactId, key)).stream().findFirst().map(h -> new Keyed(h.quote(), h.fingerprint()));
    }

    @Override
    @Transactional
    public Quote insert(Quote q, String idempotencyKey, String fingerprint) {
        long number = sql.one("INSERT INTO quotes.quote (id, partner_id, contact_id, currency, subtotal, discount_total, "
                        + "total, idempotency_key, request_hash, created_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING number",
                rs -> rs.getLong(1), q.id(), q.partnerId(), q.contactId(), q.currency(), q.subtotal(),
                q.discountTotal(), q.total(), idempotencyKey, fingerprint, q.createdAt()).orElseThrow();
        List<Object[]> rows = new ArrayList<>();
        for (QuoteLine l : q.lines()) {
            rows.add(new Object[]{q.id(), l.position(), l.productId(), l.sku(), l.name(), l.quantity(), l.unitPrice(),
                    l.discountPercent(), l.subtotal(), l.discount(), l.total()});
        }
        sql.batch("INSERT INTO quotes.quote_line (quote_id, position, product_id, sku, name, quantity, unit_price, "
                + "discount_percent, subtotal, discount, total) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows);
        return new Quote(q.id(), number, q.partnerId(), q.contactId(), q.currency(), q.lines(), q.subtotal(),
                q.discountTotal(), q.total(), q.createdAt());
    }

    @Override
    @Transactional
    public Optional<Quote> find(UUID id) {
        return withLines(sql.list(QUOTE + " WHERE id = ?", JdbcQuotes::header, id)).stream().findFirst()
                .map(Header::quote);
    }

    @Override
    @Transactional
    public Page<Quote> ofPartner(UUID partnerId, PageRequest page) {
        long total = sql.count("SELECT count(*) FROM quotes.quote WHERE partner_id = ?", partnerId);
        List<Header> headers = sql.list(QUOTE + " WHERE partner_id = ? ORDER BY created_at DESC, number DESC "
                + "LIMIT ? OFFSET ?", JdbcQuotes::header, partnerId, page.size(), page.offset());
        return Page.of(withLines(headers).stream().map(Header::quote).toList(), page, total);
    }

    private record Header(Quote quote, String fingerprint) {
    }

    private List<Header> withLines(List<Header> headers) {
        if (headers.isEmpty()) {
            return headers;
        }
        Map<UUID, List<QuoteLine>> lines = new HashMap<>();
        Map<UUID, Integer> scales = new HashMap<>();
        headers.forEach(h -> scales.put(h.quote().id(), Money.scaleOf(h.quote().currency()).orElse(2)));
        sql.list("SELECT * FROM quotes.quote_line WHERE quote_id = ANY (?) ORDER BY quote_id, position", rs -> {
            UUID quoteId = Sql.uuid(rs, "quote_id");
            int scale = scales.get(quoteId);
            lines.computeIfAbsent(quoteId, k -> new ArrayList<>()).add(new QuoteLine(rs.getInt("position"),
                    Sql.uuid(rs, "product_id"), rs.getString("sku"), rs.getString("name"), rs.getInt("quantity"),
                    money(rs.getBigDecimal("unit_price"), scale), rs.getBigDecimal("discount_percent"),
                    money(rs.getBigDecimal("subtotal"), scale), money(rs.getBigDecimal("discount"), scale),
                    money(rs.getBigDecimal("total"), scale)));
            return null;
        }, (Object) headers.stream().map(h -> h.quote().id()).toArray(UUID[]::new));
        return headers.stream().map(h -> new Header(new Quote(h.quote().id(), h.quote().number(), h.quote().partnerId(),
                h.quote().contactId(), h.quote().currency(), lines.getOrDefault(h.quote().id(), List.of()),
                h.quote().subtotal(), h.quote().discountTotal(), h.quote().total(), h.quote().createdAt()),
                h.fingerprint())).toList();
    }

    private static Header header(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        int scale = Money.scaleOf(currency).orElse(2);
        return new Header(new Quote(Sql.uuid(rs, "id"), rs.getLong("number"), Sql.uuid(rs, "partner_id"),
                Sql.uuid(rs, "contact_id"), currency, List.of(), money(rs.getBigDecimal("subtotal"), scale),
                money(rs.getBigDecimal("discount_total"), scale), money(rs.getBigDecimal("total"), scale),
                Sql.instant(rs, "created_at")), rs.getString("request_hash"));
    }

    /** Amounts are stored already rounded; this only drops the column's extra zeros. */
    private static BigDecimal money(BigDecimal stored, int scale) {
        return stored.setScale(scale, java.math.RoundingMode.UNNECESSARY);
    }
}
