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
 * The work runs when the transaction has completed, after every other completion callback of it (so
 * per-transaction state of other modules is cleared), ordered among deferred works by {@code order}, then
 * by registration. A failure is logged, never thrown into the committed caller. Without a transaction the
 * work runs at once.
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
                    runInOwnTransaction(what, work);
                }
            }
        });
    }

    private void runInOwnTransaction(String what, Runnable work) {
        try {
            transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), s -> {
                work.run();
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("After a commit, {} failed: {}", what, e.getMessage(), e);
        }
    }
}
