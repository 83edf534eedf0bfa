package io.partnerportal.segments.domain.condition;

import java.util.Map;
import java.util.Optional;

/**
 * The property catalogue as conditions see it. System properties (partner.name,
 * partner.created_at, contact.email, contact.role, ...) are ordinary entries.
 */
@FunctionalInterface
public interface PropertySpecs {

    Optional<PropertySpec> find(PropertyRef ref);

    /** A fixed catalogue, handy for tests and for a snapshot taken by the application. */
    static PropertySpecs of(Iterable<PropertySpec> specs) {
        Map<PropertyRef, PropertySpec> byRef = new java.util.HashMap<>();
        for (PropertySpec spec : specs) {
            byRef.put(spec.ref(), spec);
        }
        return ref -> Optional.ofNullable(byRef.get(ref));
    }
}
