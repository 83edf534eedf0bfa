package io.partnerportal.roles.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.UnknownMembers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a new role must look like and which edits an existing one accepts (its name and permissions;
 * never its key). Every problem of a request is reported at once, with pointers into the body.
 */
public final class RoleRules {

    private static final Set<String> NEW_FIELDS = Set.of("key", "name", "collaborationRestricted");
    private static final Set<String> EDIT_FIELDS = Set.of("name", "collaborationRestricted", "version", "key", "id",
            "isDefault", "assignedContacts", "createdAt", "updatedAt");

    private RoleRules() {
    }

    /** A new role from a request body (not yet checked against the other roles). */
    public static Role newRole(String id, Map<String, Object> body, int position, Instant now) {
        List<FieldError> errors = new ArrayList<>(UnknownMembers.of(body.keySet(), NEW_FIELDS, ""));
        String key = null;
        Object rawKey = body.get("key");
        if (rawKey instanceof String s && Role.KEY.matcher(s).matches()) {
            key = s;
        } else {
            errors.add(FieldError.at("/key", rawKey == null ? "required" : "invalid_key", "key is a lower-case "
                    + "letter followed by lower-case letters, digits or '_' (at most 50); it never changes"));
        }
        String name = name(body.get("name"), errors);
        boolean restricted = bool(body.get("collaborationRestricted"), false, errors);
        fail(errors);
        return new Role(id, key, name, false, restricted, position, 1, now, now);
    }

    /** The role after a patch of its name or permissions; the key is immutable. */
    public static Role edit(Role current, Map<String, Object> patch) {
        List<FieldError> errors = new ArrayList<>(UnknownMembers.of(patch.keySet(), EDIT_FIELDS, ""));
        if (patch.containsKey("key") && !current.key().equals(patch.get("key"))) {
            errors.add(FieldError.at("/key", "immutable", "a role's key never changes (tabs, the CRM mapping and "
                    + "segment conditions refer to it); create a new role instead"));
        }
        if (patch.containsKey("isDefault") && !Boolean.valueOf(current.isDefault()).equals(patch.get("isDefault"))) {
            errors.add(FieldError.at("/isDefault", "read_only", "choose the default role with "
                    + "PUT /api/admin/roles/default"));
        }
        String name = patch.containsKey("name") ? name(patch.get("name"), errors) : current.name();
        boolean restricted = patch.containsKey("collaborationRestricted")
                ? bool(patch.get("collaborationRestricted"), current.collaborationRestricted(), errors)
                : current.collaborationRestricted();
        fail(errors);
        return current.renamed(name).withCollaborationRestricted(restricted);
    }

    /** Names are unique ignoring case: admins pick roles by name. */
    public static boolean sameName(String a, String b) {
        return a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }

    private static String name(Object raw, List<FieldError> errors) {
        if (!(raw instanceof String s) || s.isBlank()) {
            errors.add(FieldError.at("/name", raw == null ? "required" : "wrong_value_type",
                    "name is a non-blank string"));
            return null;
        }
        if (s.trim().length() > Role.MAX_NAME_LENGTH) {
            errors.add(FieldError.at("/name", "too_long", "name has at most " + Role.MAX_NAME_LENGTH + " characters"));
            return null;
        }
        return s.trim();
    }

    private static boolean bool(Object raw, boolean fallback, List<FieldError> errors) {
        if (raw == null) {
            return fallback;
        }
        if (raw instanceof Boolean b) {
            return b;
        }
        errors.add(FieldError.at("/collaborationRestricted", "wrong_value_type",
                "collaborationRestricted is true or false"));
        return fallback;
    }

    private static void fail(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
