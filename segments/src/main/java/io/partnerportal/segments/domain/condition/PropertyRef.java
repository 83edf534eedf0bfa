package io.partnerportal.segments.domain.condition;

import java.util.Objects;
import java.util.Optional;

/** A property as a condition names it: {@code partner.tier}, {@code contact.email}. */
public record PropertyRef(Scope scope, String key) {

    /** Longest key accepted; catalogue keys are far shorter, this only bounds hostile input. */
    static final int MAX_KEY_LENGTH = 200;

    public PropertyRef {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("not a property key: " + key);
        }
    }

    public static PropertyRef partner(String key) {
        return new PropertyRef(Scope.PARTNER, key);
    }

    public static PropertyRef contact(String key) {
        return new PropertyRef(Scope.CONTACT, key);
    }

    /** "partner.tier". */
    public String qualified() {
        return scope.prefix() + key;
    }

    /** @throws IllegalArgumentException unless the text is {@code partner.<key>} or {@code contact.<key>} */
    public static PropertyRef parse(String qualified) {
        return tryParse(qualified).orElseThrow(
                () -> new IllegalArgumentException("expected partner.<key> or contact.<key>, not " + qualified));
    }

    static Optional<PropertyRef> tryParse(String qualified) {
        if (qualified == null) {
            return Optional.empty();
        }
        for (Scope scope : Scope.values()) {
            if (qualified.startsWith(scope.prefix())) {
                String key = qualified.substring(scope.prefix().length());
                return isValidKey(key) ? Optional.of(new PropertyRef(scope, key)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Keys are non-empty and free of whitespace and control characters; the catalogue decides the rest. */
    static boolean isValidKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return qualified();
    }
}
