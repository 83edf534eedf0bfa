package io.partnerportal.partners.application;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.PageRequest;
import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.PropertyType;
import io.partnerportal.partners.domain.DirectoryQuery;
import io.partnerportal.partners.domain.PropertyValues;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns list parameters into a {@link DirectoryQuery}: {@code q} (case-insensitive contains),
 * {@code property.<key>=v1,v2} (the property equals one of the values; a multi_enum contains one),
 * {@code sort=[-]field}, {@code page}, {@code size}. Every bad parameter is reported at once (422).
 */
@Singleton
public class DirectoryQueries {

    public static final String FILTER_PREFIX = "property.";
    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_FILTER_VALUES = 100;
    /** Contact fields that may be filtered on like properties. */
    static final Set<String> CONTACT_SYSTEM_FILTERS = Set.of("role", "portal_status");

    private final CatalogueService catalogue;

    DirectoryQueries(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param filters the {@code property.*} parameters by key (without the prefix), each with its values
     */
    @Transactional
    public DirectoryQuery build(PropertyLevel level, String q, Map<String, List<String>> filters, String sort,
                                Integer page, Integer size, UUID partnerId) {
        List<FieldError> errors = new ArrayList<>();
        PageRequest pageRequest = null;
        try {
            pageRequest = PageRequest.of(page, size);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        String text = q == null || q.isBlank() ? null : q.trim();
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            errors.add(FieldError.parameter("q", "too_long", "q has at most " + MAX_QUERY_LENGTH + " characters"));
        }
        List<String> sorts = level == PropertyLevel.PARTNER ? DirectoryQuery.PARTNER_SORTS : DirectoryQuery.CONTACT_SORTS;
        String sortField = sorts.get(0);
        boolean descending = false;
        if (sort != null && !sort.isBlank()) {
            String s = sort.trim();
            descending = s.startsWith("-");
            sortField = descending ? s.substring(1) : s;
            if (!sorts.contains(sortField)) {
                errors.add(FieldError.parameter("sort", "unknown_option", "sort is one of " + String.join(", ", sorts)
                        + ", optionally prefixed with '-' for descending order"));
            }
        }
        List<DirectoryQuery.Filter> parsed = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : filters.entrySet()) {
            filter(level, e.getKey(), e.getValue(), errors).ifPresent(parsed::add);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new DirectoryQuery(text, parsed, sortField, descending, partnerId, pageRequest);
    }

    private Optional<DirectoryQuery.Filter> filter(PropertyLevel level, String key, List<String> rawValues,
                                                   List<FieldError> errors) {
        String parameter = FILTER_PREFIX + key;
        Optional<PropertyDefinition> found = catalogue.find(level, key);
        if (found.isEmpty()) {
            errors.add(FieldError.parameter(parameter, "unknown_property", "'" + key + "' is not a " + level.prefix()
                    + " property"));
            return Optional.empty();
        }
        PropertyDefinition def = found.get();
        boolean system = def.isSystem();
        if (system && !(level == PropertyLevel.CONTACT && CONTACT_SYSTEM_FILTERS.contains(key))) {
            errors.add(FieldError.parameter(parameter, "not_filterable", "'" + key + "' cannot be filtered on "
                    + "(use q to search names and e-mail addresses)"));
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        for (String raw : rawValues) {
            for (String part : raw.split(",")) {
                if (!part.isBlank()) {
                    texts.add(part.trim());
                }
            }
        }
        if (texts.isEmpty() || texts.size() > MAX_FILTER_VALUES) {
            errors.add(FieldError.parameter(parameter, "invalid", parameter + " takes 1 to " + MAX_FILTER_VALUES
                    + " comma-separated values"));
            return Optional.empty();
        }
        List<Object> values = new ArrayList<>();
        int before = errors.size();
        for (String text : texts) {
            Object raw = PropertyValues.fromText(def.type(), text);
            List<FieldError> valueErrors = new ArrayList<>();
            Object typed = PropertyValues.normalize(def, raw, "/" + parameter, valueErrors);
            for (FieldError ve : valueErrors) {
                errors.add(FieldError.parameter(parameter, ve.code(), ve.message()));
            }
            if (typed instanceof Collection<?> c) {
                values.addAll(c);
            } else if (typed != null) {
                values.add(PropertyValues.toJson(typed));
            }
        }
        if (errors.size() > before || values.isEmpty()) {
            return Optional.empty();
        }
        PropertyType type = def.type();
        return Optional.of(new DirectoryQuery.Filter(key, type, system, values));
    }
}
