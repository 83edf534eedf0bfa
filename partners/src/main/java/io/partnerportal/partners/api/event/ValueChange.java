package io.partnerportal.partners.api.event;

/** A property's value before and after a change (typed values; null when unset). */
public record ValueChange(Object before, Object after) {
}
