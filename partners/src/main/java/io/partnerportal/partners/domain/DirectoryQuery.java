package io.partnerportal.partners.domain;

import io.partnerportal.common.PageRequest;
import io.partnerportal.partners.api.PropertyType;

import java.util.List;
import java.util.UUID;

/**
 * A list request over partners or contacts.
 *
 * @param text       case-insensitive "contains" search (partner name; contact e-mail, first or last name), or null
 * @param filters    every filter must match
 * @param sortField  one of the level's sort fields ({@code name}, {@code createdAt}, ...)
 * @param partnerId  contacts only: restrict to one partner, or null
 */
public record DirectoryQuery(String text, List<Filter> filters, String sortField, boolean descending, UUID partnerId,
                             PageRequest page) {

    public static final List<String> PARTNER_SORTS = List.of("name", "createdAt", "updatedAt");
    public static final List<String> CONTACT_SORTS = List.of("email", "firstName", "lastName", "createdAt", "updatedAt",
            "lastLogin");

    public DirectoryQuery {
        filters = List.copyOf(filters);
    }

    /**
     * A property equals one of the values (JSON forms). For multi_enum: contains one of them.
     *
     * @param system a model field (contact {@code role}, {@code portal_status}) rather than a property value
     */
    public record Filter(String key, PropertyType type, boolean system, List<Object> values) {
        public Filter {
            values = List.copyOf(values);
        }
    }
}
