package io.partnerportal.identity.adapter.partners;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.partnerportal.identity.application.ContactLifecycle;
import io.partnerportal.partners.api.event.ChangeKind;
import io.partnerportal.partners.api.event.ContactChanged;
import io.partnerportal.partners.api.event.ValueChange;
import jakarta.inject.Singleton;

/**
 * Keeps identity in step with the directory. In the transaction of the change: a deleted contact
 * loses its password and tokens, a disabled one its open tokens, and the cached access decision of
 * any changed contact is dropped. After the commit the cache entry is dropped once more, so a request
 * that read the old state meanwhile cannot keep it cached.
 */
@Singleton
class ContactChangeListener {

    private final ContactLifecycle lifecycle;

    ContactChangeListener(ContactLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @EventListener
    void onChange(ContactChanged event) {
        if (event.kind() == ChangeKind.DELETED) {
            lifecycle.deleted(event.contactId());
            return;
        }
        ValueChange status = event.changes().get("portal_status");
        if (status != null && "disabled".equals(status.after())) {
            lifecycle.disabled(event.contactId());
        } else {
            lifecycle.changed(event.contactId());
        }
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void afterCommit(ContactChanged event) {
        lifecycle.changed(event.contactId());
    }
}
