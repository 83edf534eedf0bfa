package io.partnerportal.segments.adapter.partners;

import io.partnerportal.partners.api.ContactRecord;
import io.partnerportal.partners.api.PartnerRecord;
import io.partnerportal.segments.domain.condition.Values;

/** A directory record as the condition evaluator reads it. */
record RecordValues(String id, Lookup lookup) implements Values {

    interface Lookup {
        Object value(String key);
    }

    static RecordValues of(PartnerRecord partner) {
        return new RecordValues(partner.id(), partner::value);
    }

    static RecordValues of(ContactRecord contact) {
        return new RecordValues(contact.id(), contact::value);
    }

    @Override
    public Object value(String key) {
        return lookup.value(key);
    }
}
