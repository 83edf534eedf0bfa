package io.partnerportal.segments.domain;

import java.util.Locale;

/** Whose membership a segment decides: partner companies or their contacts. Fixed at creation. */
public enum SegmentLevel {
    PARTNER, CONTACT;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but "partner" or "contact" */
    public static SegmentLevel fromJson(String json) {
        if ("partner".equals(json)) {
            return PARTNER;
        }
        if ("contact".equals(json)) {
            return CONTACT;
        }
        throw new IllegalArgumentException("level must be \"partner\" or \"contact\", not " + json);
    }
}
