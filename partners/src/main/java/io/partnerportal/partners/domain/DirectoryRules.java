package io.partnerportal.partners.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.partners.api.PortalStatus;
import io.partnerportal.partners.api.PropertyDefinition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How a requested edit turns a partner or contact into its next state. Every problem of the request
 * is collected and reported at once (422 with pointers into the request body); nothing is changed
 * when there is one. The version and timestamps are left to the caller, which bumps them only when
 * something really changed.
 */
public final class DirectoryRules {

    public static final Set<String> PARTNER_FIELDS = Set.of("name", "website");
    public static final Set<String> CONTACT_FIELDS = Set.of("partnerId", "email", "firstName", "lastName",
            "portalStatus", "role");
    public static final int MAX_NAME_LENGTH = 300;
    public static final int MAX_PERSON_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 320;
    public static final int MAX_CRM_ID_LENGTH = 200;

    private static final Pattern CRM_SYSTEM = Pattern.compile("^[a-z][a-z0-9_-]{0,49}$");
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

    private DirectoryRules() {
    }

    /** The partner after the edit; {@code current} is null for a new partner. */
    public static Partner partner(Partner current, UUID id, RecordEdit edit, LevelCatalogue catalogue, Instant now) {
        List<FieldError> errors = new ArrayList<>(edit.shapeErrors());
        String name = current == null ? null : current.name();
        if (edit.has("name") || current == null) {
            name = text(edit.field("name"), "/name", MAX_NAME_LENGTH, true, errors);
        }
        String website = current == null ? null : current.website();
        if (edit.has("website")) {
            website = url(edit.field("website"), "/website", errors);
        }
        Map<String, String> crmIds = crmIds(current == null ? Map.of() : current.crmIds(), edit.crmIds(), errors);
        Map<String, Object> values = values(current == null ? Map.of() : current.values(), edit.properties(),
                catalogue, errors);
        failOn(errors);
        return current == null
                ? new Partner(id, name, website, crmIds, values, 1, now, now)
                : new Partner(current.id(), name, website, crmIds, values, current.version(), current.createdAt(),
                current.updatedAt());
    }

    /**
     * The contact after the edit; {@code current} is null for a new contact. The partner id is
     * checked for form here; whether that partner exists is the caller's to check.
     */
    public static Contact contact(Contact current, UUID id, RecordEdit edit, LevelCatalogue catalogue, Instant now) {
        List<FieldError> errors = new ArrayList<>(edit.shapeErrors());
        boolean creating = current == null;

        UUID partnerId = creating ? null : current.partnerId();
        if (edit.has("partnerId") || creating) {
            partnerId = uuid(edit.field("partnerId"), "/partnerId", errors);
        }
        String email = creating ? null : current.email();
        if (edit.has("email") || creating) {
            email = email(edit.field("email"), "/email", errors);
        }
        String firstName = creating ? null : current.firstName();
        if (edit.has("firstName")) {
            firstName = text(edit.field("firstName"), "/firstName", MAX_PERSON_NAME_LENGTH, false, errors);
        }
        String lastName = creating ? null : current.lastName();
        if (edit.has("lastName")) {
            lastName = text(edit.field("lastName"), "/lastName", MAX_PERSON_NAME_LENGTH, false, errors);
        }
        PortalStatus status = creating ? PortalStatus.INVITED : current.portalStatus();
        if (edit.has("portalStatus")) {
            status = status(edit.field("portalStatus"), "/portalStatus", errors, status);
        }
        String role = creating ? catalogue.defaultRole() : current.role();
        if (edit.has("role")) {
            role = role(edit.field("role"), "/role", catalogue, errors);
        }
        Map<String, String> crmIds = crmIds(creating ? Map.of() : current.crmIds(), edit.crmIds(), errors);
        Map<String, Object> values = values(creating ? Map.of() : current.values(), edit.properties(), catalogue,
                errors);
        failOn(errors);
        return creating
                ? new Contact(id, partnerId, email, firstName, lastName, status, null, role, crmIds, values, 1, now, now)
                : new Contact(current.id(), partnerId, email, firstName, lastName, status, current.lastLogin(), role,
                crmIds, values, current.version(), current.createdAt(), current.updatedAt());
    }

    /** Validates a role key against the options of {@code contact.role}; null means the default role. */
    public static String role(Object raw, String pointer, LevelCatalogue catalogue, List<FieldError> errors) {
        Optional<PropertyDefinition> roleProperty = catalogue.find("role");
        if (raw == null) {
            return catalogue.defaultRole();
        }
        if (!(raw instanceof String key)) {
            errors.add(FieldError.at(pointer, "wrong_type", "role must be a role key (a string)"));
            return null;
        }
        if (roleProperty.isPresent() && !roleProperty.get().hasOption(key)) {
            errors.add(FieldError.at(pointer, "unknown_option", "'" + key + "' is not a role; roles: "
                    + String.join(", ", roleProperty.get().options().stream().map(o -> o.key()).toList())));
        }
        return key;
    }

    static Map<String, Object> values(Map<String, Object> current, Map<String, Object> patch,
                                      LevelCatalogue catalogue, List<FieldError> errors) {
        Map<String, Object> next = new TreeMap<>(current);
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String key = e.getKey();
            String pointer = JsonPointer.of("properties", key);
            Optional<PropertyDefinition> def = catalogue.find(key);
            if (def.isEmpty()) {
                errors.add(FieldError.at(pointer, "unknown_property", "'" + key + "' is not a "
                        + catalogue.level().prefix() + " property of the catalogue (GET /api/admin/properties)"));
                continue;
            }
            if (def.get().isSystem()) {
                errors.add(FieldError.at(pointer, "read_only", key + " is a system property: it cannot be written "
                        + "through properties (change the record's own field instead)"));
                continue;
            }
            if (def.get().archived() && e.getValue() != null) {
                errors.add(FieldError.at(pointer, "archived_property", key + " is archived and takes no new values"));
                continue;
            }
            Object typed = PropertyValues.normalize(def.get(), e.getValue(), pointer, errors);
            if (typed == null) {
                next.remove(key);
            } else {
                next.put(key, typed);
            }
        }
        return next;
    }

    static Map<String, String> crmIds(Map<String, String> current, Map<String, Object> patch, List<FieldError> errors) {
        Map<String, String> next = new TreeMap<>(current);
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String pointer = JsonPointer.of("crmIds", e.getKey());
            if (!CRM_SYSTEM.matcher(e.getKey()).matches()) {
                errors.add(FieldError.at(pointer, "invalid_crm_system", "a CRM system name is lower-case letters, "
                        + "digits, '_' or '-' (at most 50)"));
            } else if (e.getValue() == null) {
                next.remove(e.getKey());
            } else if (!(e.getValue() instanceof String s) || s.isBlank()) {
                errors.add(FieldError.at(pointer, "wrong_type", "a CRM id is a non-empty string"));
            } else if (s.trim().length() > MAX_CRM_ID_LENGTH) {
                errors.add(FieldError.at(pointer, "too_long", "a CRM id has at most " + MAX_CRM_ID_LENGTH
                        + " characters"));
            } else {
                next.put(e.getKey(), s.trim());
            }
        }
        return next;
    }

    static String text(Object raw, String pointer, int max, boolean required, List<FieldError> errors) {
        String field = pointer.substring(1);
        if (raw == null) {
            if (required) {
                errors.add(FieldError.at(pointer, "required", field + " is required"));
            }
            return null;
        }
        if (!(raw instanceof String s)) {
            errors.add(FieldError.at(pointer, "wrong_type", field + " must be a string"));
            return null;
        }
        String t = s.trim();
        if (t.isEmpty()) {
            if (required) {
                errors.add(FieldError.at(pointer, "required", field + " must not be blank"));
            }
            return null;
        }
        if (t.length() > max) {
            errors.add(FieldError.at(pointer, "too_long", field + " has at most " + max + " characters"));
        }
        return t;
    }

    static String url(Object raw, String pointer, List<FieldError> errors) {
        String url = text(raw, pointer, PropertyValues.MAX_URL_LENGTH, false, errors);
        if (url != null && !PropertyValues.isWebUrl(url)) {
            errors.add(FieldError.at(pointer, "invalid_url", pointer.substring(1)
                    + " must be an absolute http or https URL"));
        }
        return url;
    }

    static String email(Object raw, String pointer, List<FieldError> errors) {
        String email = text(raw, pointer, MAX_EMAIL_LENGTH, true, errors);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(FieldError.at(pointer, "invalid_email", "'" + email + "' is not an e-mail address"));
        }
        return email;
    }

    static UUID uuid(Object raw, String pointer, List<FieldError> errors) {
        String field = pointer.substring(1);
        if (raw == null) {
            errors.add(FieldError.at(pointer, "required", field + " is required"));
            return null;
        }
        if (raw instanceof String s) {
            Optional<UUID> id = parseId(s);
            if (id.isPresent()) {
                return id.get();
            }
        }
        errors.add(FieldError.at(pointer, "unknown_partner", field + " must be the id of an existing partner"));
        return null;
    }

    static PortalStatus status(Object raw, String pointer, List<FieldError> errors, PortalStatus current) {
        if (raw instanceof String s) {
            for (PortalStatus status : PortalStatus.values()) {
                if (status.name().toLowerCase(Locale.ROOT).equals(s)) {
                    return status;
                }
            }
        }
        errors.add(FieldError.at(pointer, raw == null ? "required" : "unknown_option",
                "portalStatus is one of invited, active, disabled"));
        return current;
    }

    /** Parses an opaque id; anything that is not a UUID names no record. */
    public static Optional<UUID> parseId(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void failOn(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
