package io.partnerportal.partners.domain;

import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.PropertyType;

import java.util.Optional;

/** The type of each property, so stored JSON values can be read back as typed values. */
public interface ValueTypes {

    Optional<PropertyType> typeOf(PropertyLevel level, String key);
}
