package io.partnerportal.segments.adapter.persistence;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Streams rows of UUID columns into a table with {@code COPY ... FROM STDIN (FORMAT binary)}: 16
 * bytes per value instead of 36 characters to parse, sent in 1 MiB chunks over the caller's
 * (transaction's) connection.
 */
final class BinaryUuidCopy implements AutoCloseable {

    /** The signature that starts PostgreSQL's binary COPY format (both directions). */
    static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** The signature, then no flags and no header extension. */
    private static final byte[] HEADER = java.util.Arrays.copyOf(SIGNATURE, SIGNATURE.length + 8);

    private final CopyIn copy;
    private final short columns;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    private long rows;

    BinaryUuidCopy(Connection connection, String table, String columnList, int columns) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columnList + ") FROM STDIN (FORMAT binary)");
        this.columns = (short) columns;
        buffer.put(HEADER);
    }

    void row(UUID a) throws SQLException {
        ensure(2 + 20);
        buffer.putShort(columns);
        put(a);
        rows++;
    }

    void row(UUID a, UUID b) throws SQLException {
        ensure(2 + 40);
        buffer.putShort(columns);
        put(a);
        put(b);
        rows++;
    }

    long rows() {
        return rows;
    }

    private void put(UUID id) {
        buffer.putInt(16);
        buffer.putLong(id.getMostSignificantBits());
        buffer.putLong(id.getLeastSignificantBits());
    }

    private void ensure(int bytes) throws SQLException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (buffer.position() > 0) {
            copy.writeToCopy(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }

    /** Ends the COPY (the trailer and the last chunk); returns the rows the server took. */
    long finish() throws SQLException {
        ensure(2);
        buffer.putShort((short) -1);
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
