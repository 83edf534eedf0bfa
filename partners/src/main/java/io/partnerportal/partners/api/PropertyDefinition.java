package io.partnerportal.partners.api;

import java.util.List;

/**
 * One entry of the property catalogue.
 *
 * @param level       partner or contact
 * @param key         stable key ({@code tier}); never changes
 * @param label       human label; may change
 * @param type        value type; never changes
 * @param source      crm, portal or system
 * @param options     option keys and labels for enum and multi_enum, empty otherwise
 * @param crmWritable whether a portal change may be written back to the CRM
 * @param archived    archived properties keep their values but cannot be used in new conditions
 */
public record PropertyDefinition(PropertyLevel level, String key, String label, PropertyType type,
                                 PropertySource source, List<PropertyOption> options, boolean crmWritable,
                                 boolean archived) {

    public PropertyDefinition {
        options = List.copyOf(options);
    }

    public boolean hasOption(String optionKey) {
        return options.stream().anyMatch(o -> o.key().equals(optionKey));
    }

    public boolean isSystem() {
        return source == PropertySource.SYSTEM;
    }

    /** {@code partner.tier}: how conditions name this property. */
    public String qualifiedKey() {
        return level.prefix() + "." + key;
    }
}
