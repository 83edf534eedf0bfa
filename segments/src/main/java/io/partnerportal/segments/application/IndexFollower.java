package io.partnerportal.segments.application;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.partnerportal.common.Readiness;
import io.partnerportal.segments.application.port.IndexJournal;
import io.partnerportal.segments.application.port.SegmentStore;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps this instance's {@link AccessIndex} in step with the journal: loads it at start (readiness
 * DOWN until then), applies this instance's own commits right after they commit, and follows other
 * instances' commits through LISTEN/NOTIFY on a dedicated connection outside the pool. Entries are
 * applied strictly in sequence; a missing number (a lost notification) is fetched from the journal,
 * and a journal that was pruned past the last applied entry triggers a full reload.
 */
@Singleton
public class IndexFollower implements Readiness {

    private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);
    private static final int BATCH = 500;

    private final AccessIndex index;
    private final ValueStore values;
    private final io.partnerportal.segments.application.port.MembershipStore memberships;
    private final IndexJournal journal;
    private final SegmentStore store;
    private final TransactionOperations<Connection> transactions;
    private final DataSource dataSource;
    private final boolean listen;
    private final String instance = UUID.randomUUID().toString();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long applied = -1;
    private final java.util.Map<Long, IndexChanges.Installation> installations =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Entries of this instance committed or committing, which the committing thread applies itself. */
    private final java.util.Set<Long> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The highest entry announced by a notification. */
    private volatile long notified = -1;
    private volatile boolean running = true;
    private Thread listener;

    IndexFollower(AccessIndex index, ValueStore values,
                  io.partnerportal.segments.application.port.MembershipStore memberships, IndexJournal journal,
                  SegmentStore store,
                  TransactionOperations<Connection> transactions, DataSource dataSource,
                  @Value("${portal.index.listen:true}") boolean listen) {
        this.index = index;
        this.values = values;
        this.memberships = memberships;
        this.journal = journal;
        this.store = store;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.listen = listen;
    }

    String instance() {
        return instance;
    }

    @Override
    public String name() {
        return "segment access index";
    }

    @Override
    public boolean ready() {
        return index.ready() && values.ready();
    }

    /** The last journal entry applied to this instance's index. */
    public long applied() {
        return applied;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        listener = new Thread(this::run, "segments-index-follower");
        listener.setDaemon(true);
        listener.start();
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /**
     * Loads the whole index and value store. Changes committed meanwhile are applied afterwards
     * from the journal (applying is idempotent). Never holds a lock while waiting for the database.
     */
    public void reload() {
        applied = -1;
        TransactionDefinition fresh = TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);
        long seq = transactions.execute(fresh, status -> journal.latest());
        // Each load reads at least what the journal held at seq (read committed, as when both ran in one
        // transaction); later commits are applied from the journal below. The value store loads on a
        // second thread meanwhile: each load waits on the database part of the time, so on two cores they
        // overlap (1M contacts: 31 s and 31 s side by side; 67 s + 31 s when they ran one after the other).
        CompletableFuture<Void> valuesLoaded = CompletableFuture.runAsync(
                () -> transactions.execute(fresh, status -> {
                    values.load();
                    return null;
                }), task -> {
                    Thread t = new Thread(task, "segments-value-store-load");
                    t.setDaemon(true);
                    t.start();
                });
        RuntimeException failure = null;
        try {
            transactions.execute(fresh, status -> {
                index.load(store.findAll());
                return null;
            });
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            valuesLoaded.join();
        } catch (CompletionException e) {
            RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
            if (failure == null) {
                failure = cause;
            } else {
                failure.addSuppressed(cause);
            }
        }
        if (failure != null) {
            throw failure;
        }
        lock.lock();
        try {
            applied = seq;
            installations.keySet().removeIf(s -> s <= seq); // the load covered them
        } finally {
            lock.unlock();
        }
        catchUp(Long.MAX_VALUE, true);
    }

    /** Reads what applying the changes needs, in the caller's transaction (before commit for own changes). */
    void prefetch(IndexChanges changes) {
        if (changes.prefetched || changes.reloadAll) {
            return;
        }
        changes.reloadSegments.forEach((segmentId, level) -> changes.reloadedMembers.put(segmentId,
                memberships.allMembers(segmentId, io.partnerportal.segments.domain.SegmentLevel.fromJson(level))));
        List<String> missing = changes.records.stream().filter(r -> !changes.snapshots.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            changes.snapshots.putAll(values.snapshot(missing));
        }
        changes.prefetched = true;
    }

    /** Called right after this instance committed entry {@code seq} (its changes already prefetched). */
    void committed(long seq, IndexChanges changes) {
        lock.lock();
        try {
            if (applied < 0) {
                return; // (re)loading: the load and the catch-up after it cover this commit
            }
            if (applied == seq - 1 && changes.reloadAll && installations.containsKey(seq)) {
                IndexChanges.Installation i = installations.remove(seq);
                index.install(i.definitions(), i.view(), i.members());
                applied = seq;
                return;
            }
            if (applied == seq - 1 && !changes.reloadAll) {
                applyInMemory(changes);
                applied = seq;
                if (notified <= seq) {
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
        if (applied >= seq) {
            // entries announced meanwhile, which the follower left to this thread (see run)
            catchUp(notified, true);
            return;
        }
        // other instances' entries come first, or everything is to be reloaded: read them from the
        // journal (a new transaction: this one is over)
        catchUp(seq, true);
    }

    /** Brings this instance up to every committed change, reading in the caller's transaction. */
    void catchUpNow() {
        if (applied >= 0) {
            catchUp(Long.MAX_VALUE, false);
        }
    }

    /**
     * Applies every journal entry up to {@code upTo}. Entries and what they need are read first
     * (without holding the lock); then they are applied in order, skipping any another thread applied.
     */
    public void catchUp(long upTo, boolean newTransaction) {
        while (true) {
            long from = applied;
            if (from < 0 || from >= upTo) {
                return;
            }
            TransactionDefinition definition = newTransaction
                    ? TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW)
                    : TransactionDefinition.DEFAULT;
            List<IndexJournal.Entry> entries = transactions.execute(definition, status -> journal.after(from, BATCH));
            if (entries.isEmpty()) {
                return;
            }
            if (entries.get(0).seq() != from + 1) {
                LOG.warn("Access index fell behind the journal (expected entry {}, oldest kept is {}): reloading",
                        from + 1, entries.get(0).seq());
                reload();
                return;
            }
            List<IndexChanges> changes = new ArrayList<>();
            for (IndexJournal.Entry entry : entries) {
                changes.add(IndexChanges.fromJson(entry.payload()));
            }
            transactions.execute(definition, status -> {
                changes.forEach(this::prefetch);
                return null;
            });
            boolean reloadNeeded = false;
            lock.lock();
            try {
                for (int i = 0; i < entries.size() && !reloadNeeded; i++) {
                    long seq = entries.get(i).seq();
                    if (seq > upTo) {
                        return;
                    }
                    if (seq != applied + 1) {
                        continue;
                    }
                    IndexChanges entry = changes.get(i);
                    if (entry.reloadAll) {
                        IndexChanges.Installation installation = installations.remove(seq);
                        if (installation == null) {
                            reloadNeeded = true;
                            continue;
                        }
                        index.install(installation.definitions(), installation.view(), installation.members());
                    } else {
                        applyInMemory(entry);
                    }
                    applied = seq;
                }
            } finally {
                lock.unlock();
            }
            if (reloadNeeded) {
                reload();
                return;
            }
        }
    }

    /**
     * Called before commit by a transaction of this instance whose journal entry {@code seq} asks
     * every instance to reload: this instance installs what the transaction computed instead, whichever
     * thread applies the entry (the committing one, or the follower woken by the notification).
     */
    void expectInstallation(long seq, IndexChanges.Installation installation) {
        installations.put(seq, installation);
    }

    /** The transaction that announced an installation did not commit: its journal entry does not exist. */
    void forgetInstallation(long seq) {
        installations.remove(seq);
    }

    /**
     * A transaction of this instance wrote journal entry {@code seq} and is committing: the follower
     * leaves the entry (and what follows it) to that thread, which has everything it needs at hand.
     */
    void committing(long seq) {
        inFlight.add(seq);
    }

    /** The transaction that wrote the entry is over (committed and applied, or rolled back). */
    void completed(long seq) {
        inFlight.remove(seq);
    }

    public void catchUp(long upTo) {
        catchUp(upTo, true);
    }

    private void applyInMemory(IndexChanges changes) {
        index.apply(changes);
        values.apply(changes.snapshots);
    }

    private void run() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.error("Loading the access index failed; access checks use the database until it succeeds", e);
        }
        while (running) {
            if (!listen) {
                sleep(1000);
                catchUpQuietly();
                continue;
            }
            try (Connection connection = listenConnection()) {
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN segments_index");
                }
                catchUpQuietly(); // anything committed while we were not listening
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(2000);
                    long max = -1;
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            max = Math.max(max, Long.parseLong(n.getParameter()));
                        }
                    }
                    if (max > 0) {
                        notified = Math.max(notified, max);
                        if (!inFlight.contains(applied + 1)) {
                            catchUp(max);
                        }
                    } else {
                        catchUpQuietly(); // a safety net: never rely on notifications alone
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("The access index's LISTEN connection failed ({}); reconnecting in 1 s", e.getMessage());
                    sleep(1000);
                }
            }
        }
    }

    private void catchUpQuietly() {
        try {
            if (applied < 0) {
                reload();
            } else {
                catchUp(Long.MAX_VALUE);
            }
        } catch (RuntimeException e) {
            LOG.warn("Catching up with the access journal failed: {}", e.getMessage());
        }
    }

    /** A connection of its own (not from the pool): LISTEN needs it for the whole life of the instance. */
    private Connection listenConnection() throws SQLException {
        DataSource target = DelegatingDataSource.unwrapDataSource(dataSource);
        if (target instanceof HikariDataSource hikari) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        throw new SQLException("the datasource is not a Hikari pool; set portal.index.listen=false to poll instead");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
