package io.partnerportal.segments.domain.condition;

import java.util.Locale;

/**
 * The type of a catalogue property, which decides the operators a condition may apply to it and
 * the Java type of its values ({@link Values}).
 */
public enum ValueType {
    STRING, URL, NUMBER, BOOLEAN, DATE, DATETIME, ENUM, MULTI_ENUM, USER;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean isText() {
        return this == STRING || this == URL;
    }

    boolean isTemporal() {
        return this == DATE || this == DATETIME;
    }
}
