package io.partnerportal.common;

import java.util.Map;

/** The caller edited an old version (If-Match or {@code version} out of date): 412. */
public final class StaleVersionException extends PortalException {

    private final long currentVersion;

    public StaleVersionException(String what, long expected, long current) {
        super(what + " was changed meanwhile: you sent version " + expected + ", the current version is "
                + current + ". Reload it and apply your change again.");
        this.currentVersion = current;
    }

    @Override
    public int status() {
        return 412;
    }

    @Override
    public String title() {
        return "Precondition failed";
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("currentVersion", currentVersion);
    }
}
