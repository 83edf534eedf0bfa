package io.partnerportal.partners.adapter.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;
import io.partnerportal.common.Actor;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.application.DirectoryQueries;
import io.partnerportal.partners.domain.DirectoryRules;
import io.partnerportal.partners.domain.Json;
import io.partnerportal.partners.domain.RecordEdit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reading requests: JSON bodies (400 when unparsable), edits, versions, ids, the calling admin. */
final class Requests {

    /** Members of a record that are answered but never written; sent back unchanged, they are ignored. */
    private static final Set<String> READ_ONLY = Set.of("id", "createdAt", "updatedAt", "lastLogin");

    private Requests() {
    }

    /** The body as a JSON object; unparsable JSON is a 400, any other JSON value a 422. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String body) {
        Object parsed;
        try {
            parsed = Json.parse(body);
        } catch (Json.SyntaxError e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?>)) {
            throw InvalidInputException.of("", "wrong_type", "the body must be a JSON object");
        }
        return (Map<String, Object>) parsed;
    }

    /** A create or merge-patch body as an edit of the given top-level fields. */
    @SuppressWarnings("unchecked")
    static RecordEdit edit(Map<String, Object> body, Set<String> fields) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> crmIds = new LinkedHashMap<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String member = e.getKey();
            Object value = e.getValue();
            if (fields.contains(member)) {
                values.put(member, value);
            } else if (member.equals("crmIds") || member.equals("properties")) {
                if (value == null) {
                    continue;
                }
                if (!(value instanceof Map<?, ?> m)) {
                    errors.add(FieldError.at(JsonPointer.of(member), "wrong_type", member + " must be an object"));
                } else if (member.equals("crmIds")) {
                    crmIds.putAll((Map<String, Object>) m);
                } else {
                    properties.putAll((Map<String, Object>) m);
                }
            } else if (!member.equals("version") && !READ_ONLY.contains(member)) {
                errors.add(FieldError.at(JsonPointer.of(member), "unknown_field", "'" + member + "' is not a field ("
                        + String.join(", ", fields.stream().sorted().toList()) + ", crmIds, properties)"));
            }
        }
        return new RecordEdit(values, crmIds, properties, errors);
    }

    /** The versions the caller expects: the {@code If-Match} header and the body's {@code version}. */
    static List<Long> expectedVersions(String ifMatch, Map<String, Object> body) {
        List<Long> versions = new ArrayList<>();
        Long header = ifMatch(ifMatch);
        if (header != null) {
            versions.add(header);
        }
        if (body != null && body.get("version") != null) {
            Object v = body.get("version");
            if (v instanceof BigDecimal d && d.scale() <= 0 && d.signum() >= 0) {
                versions.add(d.longValueExact());
            } else {
                throw InvalidInputException.of("/version", "wrong_type", "version is the record's version number");
            }
        }
        return versions;
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}; {@code *} or nothing means any version. */
    static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String v = header.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "").trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new HttpStatusException(HttpStatus.PRECONDITION_FAILED,
                    "If-Match must carry the ETag of a GET (\"3\"); '" + header + "' names no version.");
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static UUID id(String what, String id) {
        return DirectoryRules.parseId(id).orElseThrow(() -> NotFoundException.of(what, id));
    }

    static ChangeContext adminEdit(Authentication authentication) {
        return new ChangeContext(ChangeCause.ADMIN_EDIT, admin(authentication));
    }

    static Actor admin(Authentication authentication) {
        Object id = authentication.getAttributes().get("adminId");
        Object name = authentication.getAttributes().get("name");
        return Actor.admin(id != null ? id.toString() : authentication.getName(),
                name != null ? name.toString() : authentication.getName());
    }

    /** The {@code property.<key>} parameters of a list request, by key. */
    static Map<String, List<String>> filters(HttpRequest<?> request) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String name : request.getParameters().names()) {
            if (name.startsWith(DirectoryQueries.FILTER_PREFIX) && name.length() > DirectoryQueries.FILTER_PREFIX.length()) {
                filters.put(name.substring(DirectoryQueries.FILTER_PREFIX.length()), request.getParameters().getAll(name));
            }
        }
        return filters;
    }
}
