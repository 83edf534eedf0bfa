package io.partnerportal.roles.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.common.UnknownMembers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a contact's role is read from the CRM: the CRM field that holds it and which value of that
 * field means which role. Values match ignoring case and surrounding blanks; a value that is not
 * mapped leaves the contact's role alone (the CRM sync applies it).
 *
 * @param field   the CRM contact field (e.g. {@code partner_role}); null when not configured
 * @param entries CRM value → role key, at most {@link #MAX_ENTRIES}
 */
public record CrmRoleMapping(String field, List<Entry> entries, long version) {

    public static final int MAX_ENTRIES = 500;
    public static final int MAX_VALUE_LENGTH = 200;

    public static final CrmRoleMapping EMPTY = new CrmRoleMapping(null, List.of(), 0);

    public CrmRoleMapping {
        entries = List.copyOf(entries);
    }

    public record Entry(String crmValue, String roleKey) {
    }

    public Optional<String> roleFor(String crmValue) {
        if (crmValue == null) {
            return Optional.empty();
        }
        String wanted = normalize(crmValue);
        return entries.stream().filter(e -> normalize(e.crmValue()).equals(wanted)).map(Entry::roleKey).findFirst();
    }

    public List<Entry> entriesFor(String roleKey) {
        return entries.stream().filter(e -> e.roleKey().equals(roleKey)).toList();
    }

    public static String normalize(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    /** Reads a PUT body {@code {"field", "mappings": [{"crmValue", "role"}], "version"?}}; role keys must exist. */
    @SuppressWarnings("unchecked")
    public static CrmRoleMapping fromRequest(Map<String, Object> body, Collection<String> roleKeys, long nextVersion) {
        List<FieldError> errors = new ArrayList<>(UnknownMembers.of(body.keySet(),
                Set.of("field", "mappings", "version"), ""));
        String field = null;
        Object rawField = body.get("field");
        if (rawField != null) {
            if (!(rawField instanceof String s) || s.isBlank() || s.length() > MAX_VALUE_LENGTH) {
                errors.add(FieldError.at("/field", "wrong_value_type", "field is the CRM field holding the role "
                        + "(a non-blank string of at most " + MAX_VALUE_LENGTH + " characters) or null"));
            } else {
                field = s.trim();
            }
        }
        List<Entry> entries = new ArrayList<>();
        Object raw = body.get("mappings");
        if (!(raw instanceof List<?> list)) {
            errors.add(FieldError.at("/mappings", raw == null ? "required" : "wrong_value_type",
                    "mappings is a list of {\"crmValue\", \"role\"}"));
        } else if (list.size() > MAX_ENTRIES) {
            errors.add(FieldError.at("/mappings", "too_many_values", "at most " + MAX_ENTRIES + " mappings"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String pointer = JsonPointer.append("/mappings", i);
                if (!(list.get(i) instanceof Map<?, ?> m)) {
                    errors.add(FieldError.at(pointer, "wrong_value_type", "a mapping is {\"crmValue\", \"role\"}"));
                    continue;
                }
                errors.addAll(UnknownMembers.of(m.keySet(), Set.of("crmValue", "role"), pointer));
                Object value = m.get("crmValue");
                Object role = m.get("role");
                boolean ok = true;
                if (!(value instanceof String v) || v.isBlank() || v.length() > MAX_VALUE_LENGTH) {
                    errors.add(FieldError.at(pointer + "/crmValue", value == null ? "required" : "wrong_value_type",
                            "crmValue is a non-blank string of at most " + MAX_VALUE_LENGTH + " characters"));
                    ok = false;
                } else if (!seen.add(normalize(v))) {
                    errors.add(FieldError.at(pointer + "/crmValue", "duplicate", "'" + v.trim()
                            + "' is mapped twice (values match ignoring case)"));
                    ok = false;
                }
                if (!(role instanceof String r) || !roleKeys.contains(r)) {
                    errors.add(FieldError.at(pointer + "/role", role == null ? "required" : "unknown_role",
                            "role is the key of an existing role (" + String.join(", ", roleKeys) + ")"));
                    ok = false;
                }
                if (ok) {
                    entries.add(new Entry(((String) value).trim(), (String) role));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new CrmRoleMapping(field, entries, nextVersion);
    }
}
