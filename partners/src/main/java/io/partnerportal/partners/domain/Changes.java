package io.partnerportal.partners.domain;

import io.partnerportal.partners.api.event.ValueChange;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changed between two states of a record, key by key (system keys such as {@code name},
 * {@code email}, {@code role} included), with typed values before and after. A missing state (a
 * creation or a deletion) counts as every value unset.
 */
public final class Changes {

    private Changes() {
    }

    public static Map<String, ValueChange> of(Partner before, Partner after) {
        return diff(before == null ? Map.of() : all(before.systemValues(), before.values()),
                after == null ? Map.of() : all(after.systemValues(), after.values()));
    }

    public static Map<String, ValueChange> of(Contact before, Contact after) {
        return diff(before == null ? Map.of() : all(before.systemValues(), before.values()),
                after == null ? Map.of() : all(after.systemValues(), after.values()));
    }

    private static Map<String, Object> all(Map<String, Object> system, Map<String, Object> values) {
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.putAll(system);
        return all;
    }

    static Map<String, ValueChange> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Object b = before.get(key);
            Object a = after.get(key);
            if (!PropertyValues.same(b, a)) {
                changes.put(key, new ValueChange(b, a));
            }
        }
        return changes;
    }
}
