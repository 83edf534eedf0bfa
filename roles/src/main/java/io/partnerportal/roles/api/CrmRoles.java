package io.partnerportal.roles.api;

import java.util.List;
import java.util.Optional;

/**
 * The CRM role mapping, for the CRM sync: which CRM contact field holds the role and which of its
 * values means which role key. Values match ignoring case and surrounding blanks; an unmapped value
 * leaves the contact's role alone.
 *
 * @param field the CRM field, or null when not configured
 */
public record CrmRoles(String field, List<Mapping> mappings) {

    public CrmRoles {
        mappings = List.copyOf(mappings);
    }

    public record Mapping(String crmValue, String roleKey) {
    }

    public Optional<String> roleFor(String crmValue) {
        if (crmValue == null) {
            return Optional.empty();
        }
        String wanted = crmValue.trim().toLowerCase(java.util.Locale.ROOT);
        return mappings.stream().filter(m -> m.crmValue().trim().toLowerCase(java.util.Locale.ROOT).equals(wanted))
                .map(Mapping::roleKey).findFirst();
    }
}
