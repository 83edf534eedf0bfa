package io.partnerportal.crm.sync.adapter.persistence;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.exceptions.DataAccessException;
import io.partnerportal.crm.sync.application.port.SyncLock;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A session-level PostgreSQL advisory lock on a connection of its own, held while long work (the CRM
 * full pass) runs in many short transactions of its own.
 */
@Singleton
class AdvisorySyncLock implements SyncLock {

    private final DataSource dataSource;

    AdvisorySyncLock(DataSource dataSource) {
        // outside Micronaut's transaction management: the lock lives as long as this connection
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public Optional<Held> tryLock(String name) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (!call(connection, "SELECT pg_try_advisory_lock(hashtext(?))", name)) {
                connection.close();
                return Optional.empty();
            }
            Connection held = connection;
            return Optional.of(() -> {
                try (held) {
                    call(held, "SELECT pg_advisory_unlock(hashtext(?))", name);
                } catch (SQLException e) {
                    // closing the connection ends the session, which releases the lock anyway
                }
            });
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the failure that matters is reported below
                }
            }
            throw new DataAccessException("could not take the advisory lock " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean call(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
