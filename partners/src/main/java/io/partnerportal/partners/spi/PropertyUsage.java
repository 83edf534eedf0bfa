package io.partnerportal.partners.spi;

import io.partnerportal.partners.api.PropertyLevel;

import java.util.List;

/**
 * Implemented by modules that refer to catalogue properties (segment conditions, form mappings,
 * profile settings), so the catalogue can refuse to archive a property or remove an option that is
 * in use (409 listing every usage).
 */
public interface PropertyUsage {

    /**
     * @param optionKey null to ask about the property as a whole, else about one of its options
     */
    List<Usage> usagesOf(PropertyLevel level, String key, String optionKey);

    /**
     * One place a property is used.
     *
     * @param kind   what uses it ({@code segment}, {@code form}, {@code profile_settings})
     * @param id     the id of that thing
     * @param name   its name, for the admin
     * @param detail where exactly ({@code condition /all/1})
     */
    record Usage(String kind, String id, String name, String detail) {
    }
}
