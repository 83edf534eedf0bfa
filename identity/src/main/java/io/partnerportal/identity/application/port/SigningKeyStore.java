package io.partnerportal.identity.application.port;

/** Where the shared signing key lives when {@code PORTAL_JWT_SECRET} is not set. */
public interface SigningKeyStore {

    /** Returns the stored key, storing {@code candidate} first if there is none yet. */
    String loadOrCreate(String candidate);
}
