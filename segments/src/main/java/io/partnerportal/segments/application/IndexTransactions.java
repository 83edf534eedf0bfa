package io.partnerportal.segments.application;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import io.partnerportal.segments.application.port.IndexJournal;
import jakarta.inject.Singleton;

import java.sql.Connection;

/**
 * Collects, per transaction, what the access index must learn; writes it to the journal just
 * before commit (so it commits with the change, or not at all) and applies it to this instance's
 * index right after commit, before the request answers. Other instances follow the journal.
 */
@Singleton
class IndexTransactions {

    private final ThreadLocal<IndexChanges> current = new ThreadLocal<>();
    private final TransactionOperations<Connection> transactions;
    private final IndexJournal journal;
    private final IndexFollower follower;

    IndexTransactions(TransactionOperations<Connection> transactions, IndexJournal journal, IndexFollower follower) {
        this.transactions = transactions;
        this.journal = journal;
        this.follower = follower;
    }

    /** The changes of the current transaction (registered with it on first use). */
    IndexChanges changes() {
        IndexChanges changes = current.get();
        if (changes == null) {
            IndexChanges registered = new IndexChanges();
            transactions.findTransactionStatus()
                    .orElseThrow(() -> new IllegalStateException("index changes outside a transaction"))
                    .registerSynchronization(new TransactionSynchronization() {
                        private long seq = -1;

                        @Override
                        public void beforeCommit(boolean readOnly) {
                            if (!registered.isEmpty()) {
                                follower.prefetch(registered);
                                seq = journal.append(registered.toJson(follower.instance()));
                                follower.committing(seq);
                                if (registered.installation != null) {
                                    follower.expectInstallation(seq, registered.installation);
                                }
                            }
                        }

                        @Override
                        public void afterCommit() {
                            if (seq > 0) {
                                follower.committed(seq, registered);
                            }
                        }

                        @Override
                        public void afterCompletion(Status status) {
                            current.remove();
                            if (seq > 0) {
                                follower.completed(seq);
                                if (status != Status.COMMITTED) {
                                    follower.forgetInstallation(seq);
                                }
                            }
                        }
                    });
            current.set(registered);
            changes = registered;
        }
        return changes;
    }

    /** Whether the current transaction changed something the index does not know yet. */
    boolean pending() {
        IndexChanges changes = current.get();
        return changes != null && !changes.isEmpty();
    }
}
