package io.partnerportal.partners.application.port;

import java.time.Instant;

/** Remembers that the demo dataset was loaded, so it is loaded once per database. */
public interface DemoDataMarker {

    /** Serialises loaders of several instances starting at once (until the transaction ends). */
    void lock();

    boolean loaded();

    void markLoaded(Instant at);
}
