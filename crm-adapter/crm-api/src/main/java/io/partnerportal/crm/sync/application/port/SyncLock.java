package io.partnerportal.crm.sync.application.port;

import java.util.Optional;

/** A lock across every instance (a PostgreSQL advisory lock on a connection of its own). */
public interface SyncLock {

    /** The lock, or empty when another instance holds it. */
    Optional<Held> tryLock(String name);

    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
