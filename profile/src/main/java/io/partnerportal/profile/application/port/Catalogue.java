package io.partnerportal.profile.application.port;

import io.partnerportal.profile.domain.PropertyFacts;

import java.util.List;
import java.util.Map;

/** The partner properties of the catalogue, as far as the profile needs them (implemented over partners.api). */
public interface Catalogue {

    /** Every partner property, by key, in catalogue order. */
    Map<String, PropertyFacts> partnerProperties();

    /** Label, type and options of a partner property, for the portal. */
    Map<String, Display> displays();

    /**
     * @param type    the property type's JSON name ({@code string}, {@code enum}, ...)
     * @param options option keys and labels of an enum or multi_enum, in order
     */
    record Display(String key, String label, String type, List<Map<String, String>> options) {
    }
}
