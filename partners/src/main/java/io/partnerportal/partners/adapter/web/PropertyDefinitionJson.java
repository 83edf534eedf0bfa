package io.partnerportal.partners.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.partners.api.PropertyDefinition;

import java.util.List;
import java.util.Locale;

/** A catalogue entry; {@code readOnly} marks system properties (the records' own fields). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record PropertyDefinitionJson(String level, String key, String qualifiedKey, String label, String type, String source,
                              List<Option> options, boolean crmWritable, boolean archived, boolean readOnly) {

    @Serdeable
    record Option(String key, String label) {
    }

    static PropertyDefinitionJson of(PropertyDefinition d) {
        return new PropertyDefinitionJson(d.level().prefix(), d.key(), d.qualifiedKey(), d.label(), d.type().jsonName(),
                d.source().name().toLowerCase(Locale.ROOT),
                d.options().stream().map(o -> new Option(o.key(), o.label())).toList(), d.crmWritable(), d.archived(),
                d.isSystem());
    }
}
