package io.partnerportal.experiences.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.common.UnknownMembers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who an experience, a tab or a form is for — everyone, or the contacts in at least one of some
 * segments — as this module stores it. It has the shape of the segments' {@code Audience} JSON; whether
 * a contact is admitted is always asked of the segments module, never decided here.
 */
public sealed interface SegmentGate permits SegmentGate.Everyone, SegmentGate.AnyOf {

    int MAX_SEGMENTS = 100;

    Everyone EVERYONE = new Everyone();

    Map<String, Object> toJson();

    record Everyone() implements SegmentGate {
        @Override
        public Map<String, Object> toJson() {
            return Map.of("type", "everyone");
        }
    }

    /** In at least one of 1–100 segments. */
    record AnyOf(List<String> segmentIds) implements SegmentGate {
        public AnyOf {
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

    default List<String> segmentIds() {
        return this instanceof AnyOf a ? a.segmentIds() : List.of();
    }

    /** Reads the audience JSON; problems are added with pointers (then null is answered). */
    static SegmentGate fromJson(Object json, String pointer, List<FieldError> errors) {
        if (!(json instanceof Map<?, ?> map)) {
            errors.add(FieldError.at(pointer, json == null ? "required" : "wrong_value_type", "an audience is "
                    + "{\"type\":\"everyone\"} or {\"type\":\"segments\",\"segmentIds\":[...]}"));
            return null;
        }
        Object type = map.get("type");
        if ("everyone".equals(type)) {
            errors.addAll(UnknownMembers.of(map.keySet(), Set.of("type"), pointer,
                    key -> "an 'everyone' audience has no other fields"));
            return EVERYONE;
        }
        if (!"segments".equals(type)) {
            errors.add(FieldError.at(JsonPointer.append(pointer, "type"), type == null ? "required" : "invalid",
                    "type is 'everyone' or 'segments'"));
            return null;
        }
        int before = errors.size();
        errors.addAll(UnknownMembers.of(map.keySet(), Set.of("type", "segmentIds"), pointer));
        String idsPointer = JsonPointer.append(pointer, "segmentIds");
        Object ids = map.get("segmentIds");
        if (!(ids instanceof List<?> list)) {
            errors.add(FieldError.at(idsPointer, "required", "segmentIds is a list of segment ids"));
            return null;
        }
        if (list.isEmpty()) {
            errors.add(FieldError.at(idsPointer, "empty", "name at least one segment; use {\"type\":\"everyone\"} for "
                    + "no restriction"));
        } else if (list.size() > MAX_SEGMENTS) {
            errors.add(FieldError.at(idsPointer, "too_many_values", "at most " + MAX_SEGMENTS + " segments"));
            return null;
        }
        List<String> segmentIds = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String s && !s.isBlank()) {
                segmentIds.add(s);
            } else {
                errors.add(FieldError.at(JsonPointer.append(idsPointer, i), "wrong_value_type",
                        "a segment id is a non-empty string"));
            }
        }
        return errors.size() > before ? null : new AnyOf(segmentIds);
    }
}
