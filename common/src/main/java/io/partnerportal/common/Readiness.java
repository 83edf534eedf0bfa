package io.partnerportal.common;

/**
 * Implemented by modules that load state into memory at start (the access index): until every
 * implementation is ready, {@code /health/readiness} reports DOWN so a load balancer sends no
 * traffic to the instance.
 */
public interface Readiness {

    /** A short name for the readiness report ("segment access index"). */
    String name();

    boolean ready();
}
