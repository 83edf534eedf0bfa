package io.partnerportal.segments.adapter.partners;

import io.partnerportal.partners.api.PropertyCatalogue;
import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.PropertyOption;
import io.partnerportal.segments.domain.condition.PropertyRef;
import io.partnerportal.segments.domain.condition.PropertySpec;
import io.partnerportal.segments.domain.condition.PropertySpecs;
import io.partnerportal.segments.domain.condition.Scope;
import io.partnerportal.segments.domain.condition.ValueType;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The partners catalogue translated into what conditions are validated and compiled against. */
final class CatalogueSpecs implements PropertySpecs {

    private final java.util.Map<PropertyRef, PropertySpec> specs = new java.util.HashMap<>();

    /**
     * The catalogue as it is now, read once (one query per level): compiling or validating hundreds of
     * conditions then asks no further questions of the database.
     */
    CatalogueSpecs(PropertyCatalogue catalogue) {
        for (PropertyLevel level : PropertyLevel.values()) {
            Scope scope = level == PropertyLevel.PARTNER ? Scope.PARTNER : Scope.CONTACT;
            for (PropertyDefinition d : catalogue.definitions(level)) {
                PropertyRef ref = new PropertyRef(scope, d.key());
                specs.put(ref, spec(ref, d));
            }
        }
    }

    @Override
    public Optional<PropertySpec> find(PropertyRef ref) {
        return Optional.ofNullable(specs.get(ref));
    }

    private static PropertySpec spec(PropertyRef ref, PropertyDefinition d) {
        Set<String> options = new LinkedHashSet<>();
        for (PropertyOption o : d.options()) {
            options.add(o.key());
        }
        return new PropertySpec(ref, ValueType.valueOf(d.type().name()), options, d.archived());
    }
}
