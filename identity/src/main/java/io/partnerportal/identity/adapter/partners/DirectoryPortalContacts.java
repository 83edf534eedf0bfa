package io.partnerportal.identity.adapter.partners;

import io.partnerportal.common.Actor;
import io.partnerportal.identity.application.port.PortalContacts;
import io.partnerportal.identity.domain.ContactAccount;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.ContactAccounts;
import io.partnerportal.partners.api.ContactRecord;
import io.partnerportal.partners.api.PartnerDirectory;
import io.partnerportal.partners.api.PortalStatus;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/** {@link PortalContacts} over the partners api. */
@Singleton
class DirectoryPortalContacts implements PortalContacts {

    private final PartnerDirectory directory;
    private final ContactAccounts accounts;

    DirectoryPortalContacts(PartnerDirectory directory, ContactAccounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    @Override
    public Optional<ContactAccount> byId(String contactId) {
        return directory.contact(contactId).map(DirectoryPortalContacts::account);
    }

    @Override
    public Optional<ContactAccount> byEmail(String email) {
        return directory.contactByEmail(email).map(DirectoryPortalContacts::account);
    }

    @Override
    public void markInvited(String contactId, Actor by) {
        accounts.changePortalStatus(contactId, PortalStatus.INVITED, new ChangeContext(ChangeCause.INVITE, by));
    }

    @Override
    public void markActive(String contactId, Actor by) {
        accounts.changePortalStatus(contactId, PortalStatus.ACTIVE, new ChangeContext(ChangeCause.INVITE, by));
    }

    @Override
    public void recordLogin(String contactId, Instant at) {
        ContactRecord contact = directory.contact(contactId).orElseThrow();
        accounts.recordLogin(contactId, at, new ChangeContext(ChangeCause.SYSTEM,
                Actor.contact(contactId, contact.displayName())));
    }

    static ContactAccount account(ContactRecord c) {
        ContactAccount.AccountStatus status = switch (c.portalStatus()) {
            case INVITED -> ContactAccount.AccountStatus.INVITED;
            case ACTIVE -> ContactAccount.AccountStatus.ACTIVE;
            case DISABLED -> ContactAccount.AccountStatus.DISABLED;
        };
        return new ContactAccount(c.id(), c.partnerId(), c.email(), c.displayName(), status);
    }
}
