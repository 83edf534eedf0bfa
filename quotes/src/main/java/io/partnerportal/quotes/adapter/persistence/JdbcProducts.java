package io.partnerportal.quotes.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.quotes.application.port.ProductStore;
import io.partnerportal.quotes.domain.Product;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class JdbcProducts implements ProductStore {

    private final Sql sql;

    JdbcProducts(Sql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional
    public Optional<Product> find(UUID id, boolean lock) {
        return sql.one("SELECT * FROM quotes.product WHERE id = ?" + (lock ? " FOR UPDATE" : ""), JdbcProducts::product,
                id);
    }

    @Override
    @Transactional
    public List<Product> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.list("SELECT * FROM quotes.product WHERE id = ANY (?)", JdbcProducts::product,
                (Object) ids.toArray(UUID[]::new));
    }

    @Override
    @Transactional
    public Optional<UUID> idBySku(String sku) {
        return sql.one("SELECT id FROM quotes.product WHERE lower(sku) = lower(?)", rs -> Sql.uuid(rs, "id"), sku);
    }

    @Override
    @Transactional
    public void insert(Product p) {
        sql.update("INSERT INTO quotes.product (id, sku, name, list_price, currency, version, created_at, updated_at) "
                        + "VALUES (?,?,?,?,?,?,?,?)", p.id(), p.sku(), p.name(), p.listPrice(), p.currency(), p.version(),
                p.createdAt(), p.updatedAt());
    }

    @Override
    @Transactional
    public void update(Product p) {
        sql.update("UPDATE quotes.product SET sku = ?, name = ?, list_price = ?, currency = ?, version = ?, "
                        + "updated_at = ? WHERE id = ?", p.sku(), p.name(), p.listPrice(), p.currency(), p.version(),
                p.updatedAt(), p.id());
    }

    @Override
    @Transactional
    public boolean delete(UUID id) {
        return sql.update("DELETE FROM quotes.product WHERE id = ?", id) == 1;
    }

    @Override
    @Transactional
    public Page<Product> list(String q, PageRequest page) {
        String where = q == null ? "" : " WHERE lower(sku) LIKE ? OR lower(name) LIKE ?";
        Object[] filter = q == null ? new Object[0] : new Object[]{like(q), like(q)};
        long total = sql.count("SELECT count(*) FROM quotes.product" + where, filter);
        Object[] params = q == null ? new Object[]{page.size(), page.offset()}
                : new Object[]{like(q), like(q), page.size(), page.offset()};
        return Page.of(sql.list("SELECT * FROM quotes.product" + where + " ORDER BY lower(name), sku LIMIT ? OFFSET ?",
                JdbcProducts::product, params), page, total);
    }

    private static String like(String q) {
        return "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Product product(ResultSet rs) throws SQLException {
        return new Product(Sql.uuid(rs, "id"), rs.getString("sku"), rs.getString("name"),
                rs.getBigDecimal("list_price").stripTrailingZeros(), rs.getString("currency"), rs.getLong("version"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
