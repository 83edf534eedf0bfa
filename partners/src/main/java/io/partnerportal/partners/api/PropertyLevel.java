package io.partnerportal.partners.api;

/** Whether a property describes a partner company or one of its contacts. */
public enum PropertyLevel {
    PARTNER("partner"), CONTACT("contact");

    private final String prefix;

    PropertyLevel(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix of this level's properties in conditions: {@code partner.tier}, {@code contact.email}. */
    public String prefix() {
        return prefix;
    }

    public static PropertyLevel fromPrefix(String prefix) {
        for (PropertyLevel level : values()) {
            if (level.prefix.equals(prefix)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown property level: " + prefix);
    }
}
