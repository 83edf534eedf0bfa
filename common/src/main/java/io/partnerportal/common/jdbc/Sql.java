package io.partnerportal.common.jdbc;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.postgresql.util.PGobject;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Plain SQL over the transaction-bound connection. Persistence adapters use it for the statements
 * Micronaut Data repositories do not express well (JSONB documents, set-based membership updates,
 * COPY-sized batches). Inside a transaction every call runs on the transaction's connection, so a
 * property write and the membership changes it causes commit or roll back together.
 */
@Singleton
public class Sql {

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return run(sql, params, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        });
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        if (rows.size() > 1) {
            throw new DataAccessException("Expected at most one row but got " + rows.size() + ": " + sql);
        }
        return rows.stream().findFirst();
    }

    public long count(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public boolean exists(String sql, Object... params) {
        return one(sql, rs -> rs.getBoolean(1), params).orElse(false);
    }

    public int update(String sql, Object... params) {
        return run(sql, params, PreparedStatement::executeUpdate);
    }

    /** Runs one statement for each parameter row in JDBC batches of up to 1,000. */
    public void batch(String sql, Collection<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        withConnection(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int pending = 0;
                for (Object[] row : rows) {
                    bind(connection, ps, row);
                    ps.addBatch();
                    if (++pending == 1000) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    /**
     * Streams rows with a server-side cursor (fetch size), never holding the whole result in memory.
     * Must run inside a transaction (PostgreSQL only uses a cursor when auto-commit is off).
     */
    public <T> void stream(String sql, int fetchSize, RowMapper<T> mapper, Consumer<T> consumer, Object... params) {
        run(sql, params, ps -> {
            ps.setFetchSize(fetchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(mapper.map(rs));
                }
            }
            return null;
        });
    }

    /** Gives direct access to the current connection for what the helpers above do not cover. */
    public <T> T withConnection(ConnectionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private <T> T run(String sql, Object[] params, StatementWork<T> work) {
        return withConnection(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bind(connection, ps, params);
                return work.apply(ps);
            }
        });
    }

    private static void bind(Connection connection, PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int index = i + 1;
            if (p == null) {
                ps.setObject(index, null);
            } else if (p instanceof Instant instant) {
                ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (p instanceof LocalDate date) {
                ps.setObject(index, date);
            } else if (p instanceof UUID uuid) {
                ps.setObject(index, uuid);
            } else if (p instanceof Jsonb jsonb) {
                PGobject o = new PGobject();
                o.setType("jsonb");
                o.setValue(jsonb.json());
                ps.setObject(index, o);
            } else if (p instanceof String[] strings) {
                Array array = connection.createArrayOf("text", strings);
                ps.setArray(index, array);
            } else if (p instanceof UUID[] uuids) {
                ps.setArray(index, connection.createArrayOf("uuid", uuids));
            } else if (p instanceof Boolean[] booleans) {
                ps.setArray(index, connection.createArrayOf("boolean", booleans));
            } else if (p instanceof Enum<?> e) {
                ps.setString(index, e.name().toLowerCase());
            } else {
                ps.setObject(index, p);
            }
        }
    }

    /** Unique violations become {@link DuplicateKeyException} so callers can answer 409. */
    private static RuntimeException translate(SQLException e) {
        if ("23505".equals(e.getSQLState())) {
            return new DuplicateKeyException(e.getMessage(), e);
        }
        return new DataAccessException("SQL failed: " + e.getMessage(), e);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /**
     * An id from a URL or a body as a UUID. Ids are opaque strings to clients: one that is not a
     * canonical UUID names nothing (empty), it is never an error.
     */
    public static java.util.Optional<UUID> parseId(String id) {
        if (id == null || id.length() != 36) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    @FunctionalInterface
    public interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface StatementWork<T> {
        T apply(PreparedStatement ps) throws SQLException;
    }
}
