package io.partnerportal.segments.adapter.persistence;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Reads two UUID columns of a table with {@code COPY ... TO STDOUT (FORMAT binary)} over the caller's
 * (transaction's) connection: 16 bytes per value instead of 36 characters to parse, and the server
 * sends rows as fast as they are read instead of a batch per round trip (a cursor's fetches leave
 * the server idle while the batch is processed, and the reader idle while the next is produced).
 * The server's messages (a row each, the header and trailer where it puts them) are parsed as one
 * byte stream, straight from the arrays the driver hands over.
 */
final class BinaryUuidRows {

    private static final byte[] SIGNATURE = BinaryUuidCopy.SIGNATURE;
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** Bytes of a row: the field count, then per field its length (16) and the value. */
    private static final int ROW = 2 + 2 * (4 + 16);

    private final String table;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;

    private BinaryUuidRows(String table) {
        this.table = table;
    }

    /** Every row's two values, in the order the server sends them; returns the number of rows. */
    static long read(Connection connection, String table, String first, String second,
                     BiConsumer<UUID, UUID> rows) throws SQLException {
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY " + table + " (" + first + ", " + second + ") TO STDOUT (FORMAT binary)");
        try {
            return new BinaryUuidRows(table).parse(copy, rows);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy(); // the consumer failed: end the COPY so the connection can be used again
            }
        }
    }

    private long parse(CopyOut copy, BiConsumer<UUID, UUID> rows) throws SQLException {
        boolean header = true;
        long count = 0;
        byte[] message;
        while ((message = copy.readFromCopy()) != null) {
            append(message);
            if (header) {
                if (end - start < SIGNATURE.length + 8) {
                    continue;
                }
                if (!Arrays.equals(buffer, start, start + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                    throw new SQLException("unexpected binary COPY header from " + table);
                }
                int extension = (int) INT.get(buffer, start + SIGNATURE.length + 4);
                if (end - start < SIGNATURE.length + 8 + extension) {
                    continue;
                }
                start += SIGNATURE.length + 8 + extension; // flags (no OIDs since PostgreSQL 12) and extension
                header = false;
            }
            while (end - start >= 2) {
                short fields = (short) SHORT.get(buffer, start);
                if (fields == -1) {
                    start += 2; // the trailer
                    break;
                }
                if (end - start < ROW) {
                    break; // the rest of the row comes in the next message
                }
                if (fields != 2 || (int) INT.get(buffer, start + 2) != 16 || (int) INT.get(buffer, start + 22) != 16) {
                    throw new SQLException("expected two uuid columns per row from " + table);
                }
                rows.accept(new UUID((long) LONG.get(buffer, start + 6), (long) LONG.get(buffer, start + 14)),
                        new UUID((long) LONG.get(buffer, start + 26), (long) LONG.get(buffer, start + 34)));
                start += ROW;
                count++;
            }
        }
        return count;
    }

    /** Adds a message after the bytes not parsed yet. */
    private void append(byte[] message) {
        if (start == end) {
            start = 0;
            end = 0;
        }
        if (end + message.length > buffer.length) {
            int pending = end - start;
            if (pending + message.length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, pending + message.length));
            }
            System.arraycopy(buffer, start, buffer, 0, pending);
            start = 0;
            end = pending;
        }
        System.arraycopy(message, 0, buffer, end, message.length);
        end += message.length;
    }
}
