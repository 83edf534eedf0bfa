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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IndexTransactions.class);
    /** Entries with more membership changes than this have their timing logged (a partner-wide change). */
    private static final int BIG = 1_000;

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
                        /** Durations (ns) and when the commit began (nanoTime), for the log of big entries. */
                        private long prefetching;
                        private long journaling;
                        private long committing;

                        @Override
                        public void beforeCommit(boolean readOnly) {
                            if (!registered.isEmpty()) {
                                long started = System.nanoTime();
                                follower.prefetch(registered);
                                long prefetched = System.nanoTime();
                                seq = journal.append(registered.toJson(follower.instance()));
                                committing = System.nanoTime();
                                prefetching = prefetched - started;
                                journaling = committing - prefetched;
                                follower.committing(seq);
                                if (registered.installation != null) {
                                    follower.expectInstallation(seq, registered.installation);
                                }
                            }
                        }

                        @Override
                        public void afterCommit() {
                            if (seq > 0) {
                                long committed = System.nanoTime();
                                follower.committed(seq, registered);
                                if (registered.members.size() > BIG) {
                                    LOG.info("Index entry {} ({} membership changes): prefetched {} ms, journaled {} ms, "
                                                    + "committed {} ms, applied to this instance's index {} ms", seq,
                                            registered.members.size(), prefetching / 1_000_000,
                                            journaling / 1_000_000, (committed - committing) / 1_000_000,
                                            (System.nanoTime() - committed) / 1_000_000);
                                }
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
