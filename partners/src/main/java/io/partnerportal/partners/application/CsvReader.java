package io.partnerportal.partners.application;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time from a stream (quoted cells may hold commas, quotes as
 * {@code ""} and line breaks), never more than one record in memory. Knows the line each record
 * starts on, for error reports.
 */
final class CsvReader implements Closeable {

    static final int MAX_CELL_LENGTH = 1_000_000;

    private final Reader in;
    private int lookahead = -2;
    private long line = 1;
    private long recordLine;

    /** A record that cannot be read; the rest of the file cannot be trusted either. */
    static final class CsvError extends IOException {
        CsvError(String message) {
            super(message);
        }
    }

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The line the last record returned by {@link #next()} starts on (1-based). */
    long recordLine() {
        return recordLine;
    }

    /** The next record's cells, or null at the end of the input. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    throw new CsvError("line " + recordLine + ": a quoted cell is never closed");
                }
                cells.add(cell.toString());
                return cells;
            }
            if (quoted) {
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                }
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
            } else if (c == '"' && !cellStarted) {
                quoted = true;
                cellStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        lookahead = n;
                    }
                }
                line++;
                cells.add(cell.toString());
                return cells;
            } else {
                cell.append((char) c);
                cellStarted = true;
            }
            if (cell.length() > MAX_CELL_LENGTH) {
                throw new CsvError("line " + recordLine + ": a cell is longer than " + MAX_CELL_LENGTH
                        + " characters (is a quote unbalanced?)");
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (lookahead != -2) {
            int c = lookahead;
            lookahead = -2;
            return c;
        }
        return in.read();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
