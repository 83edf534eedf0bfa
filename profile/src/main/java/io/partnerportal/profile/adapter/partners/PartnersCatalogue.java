package io.partnerportal.profile.adapter.partners;

import io.partnerportal.partners.api.PropertyCatalogue;
import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.PropertySource;
import io.partnerportal.profile.application.port.Catalogue;
import io.partnerportal.profile.domain.PropertyFacts;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The partner properties of the partners module's catalogue. */
@Singleton
class PartnersCatalogue implements Catalogue {

    private final PropertyCatalogue catalogue;

    PartnersCatalogue(PropertyCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Map<String, PropertyFacts> partnerProperties() {
        Map<String, PropertyFacts> facts = new LinkedHashMap<>();
        for (PropertyDefinition d : catalogue.definitions(PropertyLevel.PARTNER)) {
            facts.put(d.key(), new PropertyFacts(d.key(), d.isSystem(), d.source() == PropertySource.CRM,
                    d.crmWritable(), d.archived()));
        }
        return facts;
    }

    @Override
    public Map<String, Display> displays() {
        Map<String, Display> displays = new LinkedHashMap<>();
        for (PropertyDefinition d : catalogue.definitions(PropertyLevel.PARTNER)) {
            List<Map<String, String>> options = d.options().stream()
                    .map(o -> Map.of("key", o.key(), "label", o.label())).toList();
            displays.put(d.key(), new Display(d.key(), d.label(), d.type().jsonName(), options));
        }
        return displays;
    }
}
