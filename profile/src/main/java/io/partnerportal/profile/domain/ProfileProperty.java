package io.partnerportal.profile.domain;

import java.util.Objects;

/** One partner property shown on the profile, read-only or editable. */
public record ProfileProperty(String key, Mode mode) {

    public ProfileProperty {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(mode, "mode");
    }

    public enum Mode {
        READ_ONLY, EDITABLE;

        public String jsonName() {
            return name().toLowerCase();
        }

        public static Mode fromJson(String name) {
            for (Mode mode : values()) {
                if (mode.jsonName().equals(name)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("unknown mode " + name);
        }
    }
}
