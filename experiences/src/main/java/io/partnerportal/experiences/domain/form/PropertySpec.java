package io.partnerportal.experiences.domain.form;

import java.util.List;

/**
 * A catalogue property as form mappings need to know it.
 *
 * @param type       string, number, boolean, date, datetime, enum, multi_enum, user or url
 * @param optionKeys the options of enum and multi_enum properties
 * @param system     a read-only field of the record itself (cannot be written by a form)
 */
public record PropertySpec(String property, String type, List<String> optionKeys, boolean system, boolean archived) {

    public PropertySpec {
        optionKeys = List.copyOf(optionKeys);
    }
}
