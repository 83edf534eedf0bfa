package io.partnerportal.testsupport.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerportal.testsupport.TestHttp;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Puts a {@link ReferenceDataset} into a running service's database: the catalogue additions and
 * the segment definitions through the admin API (so they are validated like an admin's), then the
 * partners and contacts with COPY straight into the partners schema, secondary indexes and foreign
 * keys dropped during the load and rebuilt after it. Records loaded this way bypass the change
 * events: afterwards the service must recompute memberships from scratch
 * ({@code POST /api/admin/segments/recompute}), which also rebuilds its in-memory copies.
 */
public final class DatasetLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetLoader.class);
    private static final int CHUNK_CHARS = 1 << 20;
    private static final List<String> TABLES = List.of("partners.partner", "partners.contact");

    /** Opens a new connection to the service's database. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** What loading the records took, in milliseconds. */
    public record RecordLoad(int partners, long contacts, long copyPartnersMillis, long copyContactsMillis,
                             long indexMillis, long totalMillis) {
        public double contactsPerSecond() {
            return contacts * 1000.0 / Math.max(1, copyContactsMillis);
        }
    }

    private final ReferenceDataset data;

    public DatasetLoader(ReferenceDataset data) {
        this.data = data;
    }

    /** Adds the dataset's properties to the catalogue (one that exists with the same type is kept). */
    public void addCatalogue(TestHttp admin) {
        for (PropertyModel p : data.catalogueAdditions()) {
            TestHttp.Response response = admin.post("/api/admin/properties", p.definition());
            if (response.status() == 409) {
                String type = admin.get("/api/admin/properties/" + p.level + "/" + p.key).expect(200).text("/type");
                if (!p.type.equals(type)) {
                    throw new IllegalStateException(p.qualified() + " exists with type " + type + ", not " + p.type);
                }
            } else {
                response.expect(201);
            }
        }
    }

    /** Creates the segments in order (references resolved to earlier ones); returns their ids by index. */
    public List<String> createSegments(TestHttp admin) {
        List<String> ids = new ArrayList<>();
        long started = System.nanoTime();
        for (ReferenceDataset.SegmentDefinition s : data.segments()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", s.name());
            body.put("level", s.level());
            body.put("kind", "dynamic");
            body.put("condition", ReferenceDataset.resolve(s.condition(), ids));
            JsonNode created = admin.post("/api/admin/segments", body).expect(201).json();
            ids.add(created.get("id").asText());
        }
        LOG.info("Created {} segments in {} ms", ids.size(), (System.nanoTime() - started) / 1_000_000);
        return ids;
    }

    /**
     * Loads every partner and contact with COPY into an empty directory: partners first, then the
     * contacts in {@code streams} parallel connections; secondary indexes and foreign keys of the two
     * tables are dropped before and recreated after, then the tables are analysed.
     */
    public RecordLoad loadRecords(Connections connections, int streams) {
        long started = System.nanoTime();
        List<String> rebuild = new ArrayList<>();
        try (Connection c = connections.open(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM partners.partner) "
                    + "+ (SELECT count(*) FROM partners.contact)")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("the directory is not empty: load into a fresh database");
                }
            }
            rebuild.addAll(dropSecondaryStructures(st));
        } catch (SQLException e) {
            throw new IllegalStateException("Preparing the load failed: " + e.getMessage(), e);
        }
        long t0 = System.nanoTime();
        copy(connections, "partners.partner", ReferenceDataset.PARTNER_COLUMNS, 0, data.partnerCount(), true);
        long t1 = System.nanoTime();
        int n = Math.max(1, streams);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<?>> parts = new ArrayList<>();
            long perStream = data.spec().contacts() / n;
            int from = 0;
            for (int s = 0; s < n; s++) {
                int to = from;
                long target = (s + 1) * perStream;
                while (to < data.partnerCount() && (s == n - 1 || data.firstContactOf(to) < target)) {
                    to++;
                }
                int a = from;
                int b = to;
                parts.add(pool.submit(() -> copy(connections, "partners.contact", ReferenceDataset.CONTACT_COLUMNS,
                        a, b, false)));
                from = to;
            }
            for (Future<?> f : parts) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Loading contacts failed: " + e.getMessage(), e);
        } finally {
            pool.shutdown();
        }
        long t2 = System.nanoTime();
        rebuildAll(connections, rebuild, n);
        long t3 = System.nanoTime();
        RecordLoad load = new RecordLoad(data.partnerCount(), data.spec().contacts(), (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t3 - started) / 1_000_000);
        LOG.info("Loaded {} partners ({} ms) and {} contacts ({} ms, {} rows/s), rebuilt indexes and keys in {} ms",
                load.partners(), load.copyPartnersMillis(), load.contacts(), load.copyContactsMillis(),
                Math.round(load.contactsPerSecond()), load.indexMillis());
        return load;
    }

    /** Drops secondary indexes and foreign keys of the loaded tables; returns the statements recreating them. */
    private static List<String> dropSecondaryStructures(Statement st) throws SQLException {
        List<String> indexes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        for (String table : TABLES) {
            try (ResultSet rs = st.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE conrelid = '" + table + "'::regclass AND contype = 'f'")) {
                while (rs.next()) {
                    drops.add("ALTER TABLE " + table + " DROP CONSTRAINT " + rs.getString(1));
                    keys.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
                    + "FROM pg_index i WHERE i.indrelid = '" + table + "'::regclass AND NOT i.indisprimary "
                    + "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)")) {
                while (rs.next()) {
                    drops.add("DROP INDEX " + rs.getString(1));
                    indexes.add(rs.getString(2));
                }
            }
        }
        for (String drop : drops) {
            st.execute(drop);
        }
        List<String> rebuild = new ArrayList<>(indexes);
        rebuild.add("--keys");
        rebuild.addAll(keys);
        return rebuild;
    }

    /** Index builds run in parallel connections (one core each); foreign keys are validated after them. */
    private static void rebuildAll(Connections connections, List<String> statements, int parallel) {
        int split = statements.indexOf("--keys");
        List<String> indexes = statements.subList(0, split);
        List<String> keys = statements.subList(split + 1, statements.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        try {
            List<Future<?>> builds = new ArrayList<>();
            for (String index : indexes) {
                builds.add(pool.submit(() -> execute(connections, index)));
            }
            for (Future<?> f : builds) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Rebuilding indexes failed: " + e.getMessage(), e);
        } finally {
            pool.shutdown();
        }
        for (String key : keys) {
            execute(connections, key);
        }
        for (String table : TABLES) {
            execute(connections, "ANALYZE " + table);
        }
    }

    private static Void execute(Connections connections, String sql) {
        try (Connection c = connections.open(); Statement st = c.createStatement()) {
            st.execute("SET maintenance_work_mem = '512MB'");
            long started = System.nanoTime();
            st.execute(sql);
            LOG.debug("{} ({} ms)", sql, (System.nanoTime() - started) / 1_000_000);
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** COPY of partners [from, to) or of their contacts, in one transaction, streamed in 1 MiB chunks. */
    private Void copy(Connections connections, String table, String columns, int from, int to, boolean partners) {
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
            StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 8192);
            try {
                for (int p = from; p < to; p++) {
                    if (partners) {
                        data.partnerRow(p, chunk);
                    } else {
                        long first = data.firstContactOf(p);
                        for (long k = first; k < first + data.contactsOf(p); k++) {
                            data.contactRow(p, k, chunk);
                            if (chunk.length() >= CHUNK_CHARS) {
                                flush(copy, chunk);
                            }
                        }
                    }
                    if (chunk.length() >= CHUNK_CHARS) {
                        flush(copy, chunk);
                    }
                }
                flush(copy, chunk);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            c.commit();
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }

    private static void flush(CopyIn copy, StringBuilder chunk) throws SQLException {
        if (chunk.length() > 0) {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }
    }
}
