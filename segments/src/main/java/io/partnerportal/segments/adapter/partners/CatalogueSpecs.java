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

    private final PropertyCatalogue catalogue;

    CatalogueSpecs(PropertyCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<PropertySpec> find(PropertyRef ref) {
        PropertyLevel level = ref.scope() == Scope.PARTNER ? PropertyLevel.PARTNER : PropertyLevel.CONTACT;
        return catalogue.find(level, ref.key()).map(d -> spec(ref, d));
    }

    private static PropertySpec spec(PropertyRef ref, PropertyDefinition d) {
        Set<String> options = new LinkedHashSet<>();
        for (PropertyOption o : d.options()) {
            options.add(o.key());
        }
        return new PropertySpec(ref, ValueType.valueOf(d.type().name()), options, d.archived());
    }
}
