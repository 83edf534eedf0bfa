package io.partnerportal.partners.api.event;

import io.partnerportal.partners.api.PropertyDefinition;

/**
 * A catalogue entry was added, edited (label, options) or archived. {@code before} is null for a
 * new property.
 */
public record PropertyDefinitionChanged(PropertyDefinition before, PropertyDefinition after) {
}
