package io.partnerportal.common.jdbc;

import io.micronaut.core.order.Ordered;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;

/**
 * Follow-up work that must run once the current transaction has committed, in a transaction of its own —
 * the way a separate request would: it sees the committed records and every in-memory copy that learns a
 * change when it commits (the segments' value store and access index), and its failure does not undo what
 * was committed. The demo configuration of each module runs this way after the demo dataset is loaded.
 * <p>
 * The work runs when the transaction has completed, after every other completion callback of it, ordered
 * among deferred works by {@code order}, then by registration; the committing thread waits for it. It runs
 * on a thread of its own: a transaction started on the committing thread would reuse the completed
 * transaction's connection and thread-bound state (a read-only flag a callback left on the connection,
 * per-transaction state of other modules). A failure is logged, never thrown into the committed caller.
 * Without a transaction the work runs at once.
 */
@Singleton
public class AfterCommit {

    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);
    /** Deferred works sort after every ordinary synchronization (order 0) and before nothing else. */
    private static final int BASE_ORDER = Ordered.LOWEST_PRECEDENCE - 1_000_000;

    private final TransactionOperations<Connection> transactions;

    AfterCommit(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * @param what  what the work does, for the log ("adding the demo segments")
     * @param order lower runs first among deferred works (-1000 to 1000)
     */
    public void run(String what, int order, Runnable work) {
        if (order < -1_000 || order > 1_000) {
            throw new IllegalArgumentException("order is from -1000 to 1000");
        }
        var status = transactions.findTransactionStatus();
        if (status.isEmpty()) {
            runInOwnTransaction(what, work);
            return;
        }
        status.get().registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return BASE_ORDER + order;
            }

            @Override
            public void afterCompletion(Status completion) {
                if (completion == Status.COMMITTED) {
                    runOnFreshThread(what, work);
                }
            }
        });
    }

    private void runOnFreshThread(String what, Runnable work) {
        Thread worker = new Thread(() -> runInOwnTransaction(what, work), "after-commit");
        worker.start();
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void runInOwnTransaction(String what, Runnable work) {
        try {
            transactions.execute(TransactionDefinition.DEFAULT, s -> {
                work.run();
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("After a commit, {} failed: {}", what, e.getMessage(), e);
        }
    }
}
