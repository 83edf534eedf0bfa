package io.partnerportal.partners.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.event.ChangeKind;
import io.partnerportal.partners.api.event.ContactChanged;
import io.partnerportal.partners.api.event.ContactRoleAssigned;
import io.partnerportal.partners.api.event.PartnerChanged;
import io.partnerportal.partners.api.event.PropertyDefinitionChanged;
import io.partnerportal.partners.api.event.ValueChange;
import io.partnerportal.partners.api.PropertyDefinition;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes the module's change events synchronously, on the caller's thread and inside its
 * transaction: a listener that keeps derived state (segment membership) runs before the commit, and
 * a listener that throws rolls the change back.
 */
@Singleton
class ChangeEvents {

    private final ApplicationEventPublisher<PartnerChanged> partners;
    private final ApplicationEventPublisher<ContactChanged> contacts;
    private final ApplicationEventPublisher<PropertyDefinitionChanged> definitions;
    private final ApplicationEventPublisher<ContactRoleAssigned> roleAssignments;

    ChangeEvents(ApplicationEventPublisher<PartnerChanged> partners, ApplicationEventPublisher<ContactChanged> contacts,
                 ApplicationEventPublisher<PropertyDefinitionChanged> definitions,
                 ApplicationEventPublisher<ContactRoleAssigned> roleAssignments) {
        this.partners = partners;
        this.contacts = contacts;
        this.definitions = definitions;
        this.roleAssignments = roleAssignments;
    }

    void partner(UUID partnerId, ChangeKind kind, Map<String, ValueChange> changes, ChangeContext context, Instant at) {
        partners.publishEvent(new PartnerChanged(partnerId.toString(), kind, changes, context.cause(), context.actor(),
                at));
    }

    void contact(UUID contactId, UUID partnerId, UUID previousPartnerId, ChangeKind kind,
                 Map<String, ValueChange> changes, ChangeContext context, Instant at) {
        contacts.publishEvent(new ContactChanged(contactId.toString(), partnerId.toString(),
                previousPartnerId.toString(), kind, changes, context.cause(), context.actor(), at));
    }

    /** A request named the contact's role ({@code null}: back to the default role); see {@link ContactRoleAssigned}. */
    void roleAssigned(UUID contactId, String roleKey, ChangeContext context, Instant at) {
        roleAssignments.publishEvent(new ContactRoleAssigned(contactId.toString(), roleKey, context.cause(),
                context.actor(), at));
    }

    void definition(PropertyDefinition before, PropertyDefinition after) {
        definitions.publishEvent(new PropertyDefinitionChanged(before, after));
    }
}
