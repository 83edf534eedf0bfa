package io.partnerportal.segments.application;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import io.partnerportal.segments.application.port.HistoryStore;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes the per-member history rows of bulk changes after their commit (ADR 0012). A bulk change
 * commits its batch row with the members it moved; here those become member rows, on a background
 * thread right after the commit, and — so that a history read is never missing rows — before any
 * history read in the reader's transaction. A batch left pending by a crash is picked up by the
 * periodic sweep or the next read. Expanding a batch twice is impossible: its row is locked and
 * re-checked.
 */
@Singleton
public class HistoryExpansion {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryExpansion.class);

    private final HistoryStore history;
    private final TransactionOperations<Connection> transactions;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "segments-history-expansion");
        t.setDaemon(true);
        return t;
    });
    /** Whether an expansion is queued and not started yet (later requests are covered by it). */
    private final AtomicBoolean queued = new AtomicBoolean();

    HistoryExpansion(HistoryStore history, TransactionOperations<Connection> transactions) {
        this.history = history;
        this.transactions = transactions;
    }

    /** The current transaction wrote a batch: expand it on the background thread once it has committed. */
    void afterCommit() {
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        soon();
                    }
                }), this::soon);
    }

    private void soon() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    expandPending();
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                queued.set(false); // left pending: the sweep or the next read after a restart writes it
            }
        }
    }

    /**
     * Every pending batch, each in a transaction of its own; a failure is logged and the batch stays
     * pending for the next sweep.
     *
     * @return the member rows written
     */
    public long expandPending() {
        long written = 0;
        List<Long> pending;
        try {
            pending = transactions.executeRead(status -> history.pendingBatches());
        } catch (RuntimeException e) {
            LOG.warn("Could not list the history batches still to expand ({}); the next sweep retries", e.getMessage());
            return 0;
        }
        for (long batch : pending) {
            long started = System.nanoTime();
            try {
                int rows = transactions.executeWrite(status -> history.expandBatch(batch));
                written += rows;
                if (rows > 0) {
                    LOG.debug("Wrote the {} member history rows of batch {} in {} ms", rows, batch,
                            (System.nanoTime() - started) / 1_000_000);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not write the member history rows of batch {} ({}); it stays pending and the next "
                        + "sweep or history read retries", batch, e.getMessage());
            }
        }
        return written;
    }

    /** In the caller's transaction, before it reads history: every pending batch expanded, so the read is complete. */
    void expandPendingHere() {
        for (long batch : history.pendingBatches()) {
            history.expandBatch(batch);
        }
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("History expansion still running at shutdown; what it did not finish stays pending for the "
                        + "next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
