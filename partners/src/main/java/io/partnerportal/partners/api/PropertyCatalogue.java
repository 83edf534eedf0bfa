package io.partnerportal.partners.api;

import java.util.List;
import java.util.Optional;

/** Reads the property catalogue (system, portal and CRM properties of both levels). */
public interface PropertyCatalogue {

    /** Every property of a level, archived ones included, system ones first. */
    List<PropertyDefinition> definitions(PropertyLevel level);

    Optional<PropertyDefinition> find(PropertyLevel level, String key);
}
