package io.partnerportal.partners.application.port;

import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyLevel;

import java.util.List;
import java.util.Optional;

/** Where the property catalogue is kept. */
public interface PropertyDefinitionStore {

    /** Every property of a level, system ones first, then in the order they were added. */
    List<PropertyDefinition> all(PropertyLevel level);

    Optional<PropertyDefinition> find(PropertyLevel level, String key);

    /** The default option of an enum property ({@code contact.role}: the role of a new contact). */
    Optional<String> defaultOption(PropertyLevel level, String key);

    /** @return false when a property with that level and key exists already */
    boolean insert(PropertyDefinition definition);

    /** Saves label, options, CRM write-back, archived flag and the default option. */
    void update(PropertyDefinition definition, String defaultOption);

    /** Serialises catalogue edits until the transaction ends. */
    void lockForEdit();

    /**
     * The roles lock, held until the transaction ends: shared by every contact write (it reads the
     * default role), exclusive while the roles are redefined, so a new contact never gets a default
     * role that a concurrent change of the default is replacing.
     */
    void lockRoles(boolean exclusive);
}
