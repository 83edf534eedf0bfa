package io.partnerportal.segments.domain.condition;

/** Which record a property belongs to; the prefix of a qualified property name. */
public enum Scope {
    PARTNER("partner."), CONTACT("contact.");

    private final String prefix;

    Scope(String prefix) {
        this.prefix = prefix;
    }

    /** "partner." or "contact.". */
    public String prefix() {
        return prefix;
    }
}
