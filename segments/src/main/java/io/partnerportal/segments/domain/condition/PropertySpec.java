package io.partnerportal.segments.domain.condition;

import java.util.Objects;
import java.util.Set;

/**
 * A catalogue entry as the condition language sees it. {@code optionKeys} are the option keys of
 * an enum or multi_enum property (empty for other types).
 */
public record PropertySpec(PropertyRef ref, ValueType type, Set<String> optionKeys, boolean archived) {

    public PropertySpec {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(type, "type");
        optionKeys = optionKeys == null ? Set.of() : Set.copyOf(optionKeys);
    }

    public static PropertySpec of(PropertyRef ref, ValueType type) {
        return new PropertySpec(ref, type, Set.of(), false);
    }
}
