package io.partnerportal.segments.api;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.common.UnknownMembers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who a gated item (tab, form, quote creation, profile editing, ...) is for: everyone, or the
 * contacts in at least one of some segments. Consumers store it as its JSON and ask
 * {@link SegmentAccess#isAdmitted} — they never evaluate conditions themselves.
 * <pre>{"type": "everyone"}  {"type": "segments", "segmentIds": ["…"]}</pre>
 */
public sealed interface Audience permits Audience.Everyone, Audience.AnyOfSegments {

    int MAX_SEGMENTS = 100;

    Everyone EVERYONE = new Everyone();

    /** Plain-Java JSON ({@code Map}/{@code List}/{@code String}) for storage and answers. */
    Map<String, Object> toJson();

    /** No restriction: every contact is admitted. */
    record Everyone() implements Audience {
        @Override
        public Map<String, Object> toJson() {
            return Map.of("type", "everyone");
        }
    }

    /** Admitted when the contact is in at least one of the segments (1–100 ids, no duplicates). */
    record AnyOfSegments(List<String> segmentIds) implements Audience {
        public AnyOfSegments {
            segmentIds = List.copyOf(new LinkedHashSet<>(segmentIds));
            if (segmentIds.isEmpty() || segmentIds.size() > MAX_SEGMENTS) {
                throw new IllegalArgumentException("an audience names 1 to " + MAX_SEGMENTS + " segments");
            }
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("type", "segments");
            json.put("segmentIds", segmentIds);
            return json;
        }
    }

    static Audience segments(String... segmentIds) {
        return new AnyOfSegments(List.of(segmentIds));
    }

    /**
     * Reads the contract's JSON; a malformed audience is a 422 pointing into the request body.
     * Whether the segments exist is checked by {@link SegmentDirectory#requireValid}.
     *
     * @param pointer where the audience sits in the request body ({@code /visibility/audience})
     */
    static Audience fromJson(Object json, String pointer) {
        if (!(json instanceof Map<?, ?> map)) {
            throw InvalidInputException.of(pointer, "required", "an audience object is required: "
                    + "{\"type\":\"everyone\"} or {\"type\":\"segments\",\"segmentIds\":[...]}");
        }
        Object type = map.get("type");
        if ("everyone".equals(type)) {
            if (map.size() > 1) {
                throw InvalidInputException.of(pointer, "unknown_field", "an 'everyone' audience has no other fields");
            }
            return EVERYONE;
        }
        if (!"segments".equals(type)) {
            throw InvalidInputException.of(JsonPointer.append(pointer, "type"), "invalid",
                    "type must be 'everyone' or 'segments'");
        }
        List<FieldError> errors = new ArrayList<>(UnknownMembers.of(map.keySet(), Set.of("type", "segmentIds"),
                pointer));
        String idsPointer = JsonPointer.append(pointer, "segmentIds");
        Object ids = map.get("segmentIds");
        if (!(ids instanceof List<?> list)) {
            errors.add(FieldError.at(idsPointer, "required", "segmentIds must be a list of segment ids"));
            throw new InvalidInputException(errors);
        }
        if (list.isEmpty()) {
            errors.add(FieldError.at(idsPointer, "empty", "name at least one segment; use {\"type\":\"everyone\"} "
                    + "for no restriction"));
        } else if (list.size() > MAX_SEGMENTS) {
            errors.add(FieldError.at(idsPointer, "too_many_values", "at most " + MAX_SEGMENTS + " segments"));
        }
        List<String> segmentIds = new ArrayList<>();
        for (int i = 0; i < list.size() && i < MAX_SEGMENTS; i++) {
            if (list.get(i) instanceof String s && !s.isBlank()) {
                segmentIds.add(s);
            } else {
                errors.add(FieldError.at(JsonPointer.append(idsPointer, i), "wrong_value_type",
                        "a segment id is a non-empty string"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AnyOfSegments(segmentIds);
    }
}
