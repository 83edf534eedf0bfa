package io.partnerportal.roles.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A partner role: a stable key (what tab role lists, the CRM mapping and segment conditions on
 * {@code contact.role} refer to), a name admins may change, whether it is the default role (the
 * effective role of every contact without an assignment), and its permissions.
 */
public record Role(String id, String key, String name, boolean isDefault, boolean collaborationRestricted,
                   int position, long version, Instant createdAt, Instant updatedAt) {

    public static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,49}$");
    public static final int MAX_NAME_LENGTH = 100;
    /** More would make tab role lists and the role picker unusable; an explicit limit. */
    public static final int MAX_ROLES = 100;

    public Role {
        Objects.requireNonNull(id, "id");
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a role key: " + key);
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("not a role name: " + name);
        }
    }

    public Role renamed(String newName) {
        return new Role(id, key, newName, isDefault, collaborationRestricted, position, version, createdAt, updatedAt);
    }

    public Role withCollaborationRestricted(boolean restricted) {
        return new Role(id, key, name, isDefault, restricted, position, version, createdAt, updatedAt);
    }

    public Role asDefault(boolean value) {
        return new Role(id, key, name, value, collaborationRestricted, position, version, createdAt, updatedAt);
    }

    public Role saved(long newVersion, Instant at) {
        return new Role(id, key, name, isDefault, collaborationRestricted, position, newVersion, createdAt, at);
    }
}
