package io.partnerportal.segments.adapter.partners;

import io.partnerportal.partners.api.ContactRecord;
import io.partnerportal.partners.api.PartnerRecord;
import io.partnerportal.segments.domain.condition.Values;

/** A directory record as the condition evaluator reads it. */
record RecordValues(String id, Lookup lookup, java.util.function.Supplier<java.util.Map<String, Object>> all)
        implements Values {

    interface Lookup {
        Object value(String key);
    }

    /** The partner fields that are also (system) properties. */
    private static final java.util.List<String> PARTNER_FIELDS = java.util.List.of("name", "website", "created_at");
    /** The contact fields that are also (system) properties. */
    private static final java.util.List<String> CONTACT_FIELDS = java.util.List.of("email", "first_name", "last_name",
            "portal_status", "last_login", "created_at", "role");

    static RecordValues of(PartnerRecord partner) {
        return new RecordValues(partner.id(), partner::value, () -> all(partner.properties(), PARTNER_FIELDS,
                partner::value));
    }

    static RecordValues of(ContactRecord contact) {
        return new RecordValues(contact.id(), contact::value, () -> all(contact.properties(), CONTACT_FIELDS,
                contact::value));
    }

    private static java.util.Map<String, Object> all(java.util.Map<String, Object> properties,
                                                     java.util.List<String> fields, Lookup lookup) {
        java.util.Map<String, Object> values = new java.util.HashMap<>(properties);
        for (String field : fields) {
            Object v = lookup.value(field);
            if (v != null) {
                values.put(field, v);
            } else {
                values.remove(field);
            }
        }
        return values;
    }

    @Override
    public Object value(String key) {
        return lookup.value(key);
    }
}
