package io.partnerportal.partners;

import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.spi.PropertyUsage;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A module that "uses" properties, as segments will: tests declare its usages. */
@Singleton
public class UsagesForTests implements PropertyUsage {

    private final Map<String, List<Usage>> usages = new ConcurrentHashMap<>();

    /** @param option null for the property as a whole */
    public void declare(PropertyLevel level, String key, String option, Usage usage) {
        usages.computeIfAbsent(level.prefix() + "." + key + "#" + option, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(usage);
    }

    /** Withdraws every usage declared for a property or option. */
    public void withdraw(PropertyLevel level, String key, String option) {
        usages.remove(level.prefix() + "." + key + "#" + option);
    }

    @Override
    public List<Usage> usagesOf(PropertyLevel level, String key, String optionKey) {
        return List.copyOf(usages.getOrDefault(level.prefix() + "." + key + "#" + optionKey, List.of()));
    }
}
