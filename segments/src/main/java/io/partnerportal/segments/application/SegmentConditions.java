package io.partnerportal.segments.application;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.segments.application.port.SegmentStore;
import io.partnerportal.segments.domain.segment.Segment;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where saved conditions use a property (or one of its options), for the catalogue's usage guard. */
@Singleton
public class SegmentConditions {

    private final SegmentStore store;

    SegmentConditions(SegmentStore store) {
        this.store = store;
    }

    /** A condition node of a segment that uses the property. */
    public record ConditionUsage(String segmentId, String segmentName, String detail) {
    }

    /**
     * @param qualifiedKey {@code partner.tier}
     * @param optionKey    null to ask about the property, else about one option of it
     */
    @Transactional
    public List<ConditionUsage> usingProperty(String qualifiedKey, String optionKey) {
        List<ConditionUsage> usages = new ArrayList<>();
        for (Segment segment : store.findAll()) {
            if (segment.isDynamic()) {
                List<String> pointers = new ArrayList<>();
                find(segment.condition().toJson(), "/condition", qualifiedKey, optionKey, pointers);
                for (String pointer : pointers) {
                    usages.add(new ConditionUsage(segment.id(), segment.name(), "condition " + pointer));
                }
            }
        }
        return usages;
    }

    private static void find(Object node, String pointer, String key, String option, List<String> found) {
        if (node instanceof Map<?, ?> map) {
            if (key.equals(map.get("property")) && (option == null || mentions(map.get("value"), option)
                    || mentions(map.get("values"), option))) {
                found.add(pointer);
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                find(e.getValue(), JsonPointer.append(pointer, String.valueOf(e.getKey())), key, option, found);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                find(list.get(i), JsonPointer.append(pointer, i), key, option, found);
            }
        }
    }

    private static boolean mentions(Object value, String option) {
        return option.equals(value) || value instanceof List<?> list && list.contains(option);
    }
}
