package io.partnerportal.experiences.adapter.partners;

import io.partnerportal.experiences.application.AccessExplanation;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.spi.PropertyUsage;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.util.List;

/** Tells the catalogue which form mappings write a property (or one of its options): those stay. */
@Singleton
class FormPropertyUsage implements PropertyUsage {

    /** Lazily: the catalogue and segments ask it, and the explanation needs them (no construction cycle). */
    private final BeanProvider<AccessExplanation> explanation;

    FormPropertyUsage(BeanProvider<AccessExplanation> explanation) {
        this.explanation = explanation;
    }

    @Override
    public List<Usage> usagesOf(PropertyLevel level, String key, String optionKey) {
        return explanation.get().propertyUsages(level.prefix() + "." + key, optionKey).stream()
                .map(u -> new Usage(u.kind(), u.id(), u.name(), u.detail())).toList();
    }
}
