package io.partnerportal.partners.application;

import io.partnerportal.partners.api.ContactRecord;
import io.partnerportal.partners.api.PartnerRecord;
import io.partnerportal.partners.domain.Contact;
import io.partnerportal.partners.domain.Partner;

/** Domain objects as the api records other modules see. */
final class Records {

    private Records() {
    }

    static PartnerRecord of(Partner p) {
        return new PartnerRecord(p.id().toString(), p.name(), p.website(), p.logoUrl(), p.crmIds(), p.values(),
                p.version(), p.createdAt(), p.updatedAt());
    }

    static ContactRecord of(Contact c) {
        return new ContactRecord(c.id().toString(), c.partnerId().toString(), c.email(), c.firstName(), c.lastName(),
                c.language(), c.portalStatus(), c.lastLogin(), c.role(), c.crmIds(), c.values(), c.version(),
                c.createdAt(), c.updatedAt());
    }
}
