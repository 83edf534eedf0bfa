package io.partnerportal.segments.adapter.partners;

import io.micronaut.runtime.event.annotation.EventListener;
import io.partnerportal.partners.api.event.ContactChanged;
import io.partnerportal.partners.api.event.PartnerChanged;
import io.partnerportal.partners.api.event.PropertyDefinitionChanged;
import io.partnerportal.segments.application.MembershipMaintenance;
import jakarta.inject.Singleton;

/**
 * Receives the directory's change events synchronously, inside the transaction of the change, so
 * membership commits (or rolls back) together with the data that caused it.
 */
@Singleton
class DirectoryChangeListener {

    private final MembershipMaintenance maintenance;

    DirectoryChangeListener(MembershipMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @EventListener
    void onPartner(PartnerChanged event) {
        maintenance.onPartnerChanged(event);
    }

    @EventListener
    void onContact(ContactChanged event) {
        maintenance.onContactChanged(event);
    }

    @EventListener
    void onCatalogue(PropertyDefinitionChanged event) {
        maintenance.onCatalogueChanged(event);
    }
}
