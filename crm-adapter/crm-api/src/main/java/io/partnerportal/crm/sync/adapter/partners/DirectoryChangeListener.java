package io.partnerportal.crm.sync.adapter.partners;

import io.micronaut.runtime.event.annotation.EventListener;
import io.partnerportal.crm.sync.application.WriteBackQueue;
import io.partnerportal.partners.api.event.ContactChanged;
import io.partnerportal.partners.api.event.PartnerChanged;
import jakarta.inject.Singleton;

/**
 * Receives the directory's change events synchronously, inside the transaction of the change, so the
 * outbox entry commits (or rolls back) together with the change it writes back.
 */
@Singleton
class DirectoryChangeListener {

    private final WriteBackQueue queue;

    DirectoryChangeListener(WriteBackQueue queue) {
        this.queue = queue;
    }

    @EventListener
    void onPartner(PartnerChanged event) {
        queue.onPartnerChanged(event);
    }

    @EventListener
    void onContact(ContactChanged event) {
        queue.onContactChanged(event);
    }
}
