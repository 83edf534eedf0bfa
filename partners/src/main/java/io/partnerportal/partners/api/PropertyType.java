package io.partnerportal.partners.api;

/** The type of a property; decides which values it takes and which operators conditions may use. */
public enum PropertyType {
    STRING, NUMBER, BOOLEAN, DATE, DATETIME, ENUM, MULTI_ENUM, USER, URL;

    /** The name used in JSON ({@code multi_enum}). */
    public String jsonName() {
        return name().toLowerCase();
    }

    public static PropertyType fromJson(String name) {
        return valueOf(name.toUpperCase());
    }

    public boolean hasOptions() {
        return this == ENUM || this == MULTI_ENUM;
    }
}
