package io.partnerportal.experiences.adapter.segments;

import io.partnerportal.experiences.application.AccessExplanation;
import io.partnerportal.segments.spi.GatedItems;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Experiences, tabs and forms as segments see them: where a segment is used (so a used segment is not
 * deleted) and what a contact may see and submit, with the reason (the access explanation).
 */
@Singleton
class ExperienceGatedItems implements GatedItems {

    /** Lazily: the catalogue and segments ask it, and the explanation needs them (no construction cycle). */
    private final BeanProvider<AccessExplanation> explanation;

    ExperienceGatedItems(BeanProvider<AccessExplanation> explanation) {
        this.explanation = explanation;
    }

    @Override
    public List<Usage> usages(String segmentId) {
        return explanation.get().segmentUsages(segmentId).stream()
                .map(u -> new Usage(u.kind(), u.id(), u.name(), u.detail())).toList();
    }

    @Override
    public List<Decision> describe(String contactId) {
        return explanation.get().describe(contactId).stream()
                .map(d -> new Decision(d.kind(), d.id(), d.name(), d.allowed(), d.reason())).toList();
    }
}
