package io.partnerportal.partners;

import io.micronaut.runtime.event.annotation.EventListener;
import io.partnerportal.partners.api.event.ContactChanged;
import io.partnerportal.partners.api.event.ContactRoleAssigned;
import io.partnerportal.partners.api.event.PartnerChanged;
import io.partnerportal.partners.api.event.PropertyDefinitionChanged;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Queue;

/** Collects every change event of the test's context, in order. */
@Singleton
public class RecordedEvents {

    private final Queue<Object> events = new ConcurrentLinkedQueue<>();

    @EventListener
    void on(PartnerChanged event) {
        events.add(event);
    }

    @EventListener
    void on(ContactChanged event) {
        events.add(event);
    }

    @EventListener
    void on(PropertyDefinitionChanged event) {
        events.add(event);
    }

    @EventListener
    void on(ContactRoleAssigned event) {
        events.add(event);
    }

    public List<ContactRoleAssigned> roleAssignments(String contactId) {
        return events.stream().filter(e -> e instanceof ContactRoleAssigned r && r.contactId().equals(contactId))
                .map(e -> (ContactRoleAssigned) e).toList();
    }

    public List<PartnerChanged> partners(String partnerId) {
        return events.stream().filter(e -> e instanceof PartnerChanged p && p.partnerId().equals(partnerId))
                .map(e -> (PartnerChanged) e).toList();
    }

    public List<ContactChanged> contacts(String contactId) {
        return events.stream().filter(e -> e instanceof ContactChanged c && c.contactId().equals(contactId))
                .map(e -> (ContactChanged) e).toList();
    }

    public List<PropertyDefinitionChanged> definitions() {
        return events.stream().filter(e -> e instanceof PropertyDefinitionChanged).map(e -> (PropertyDefinitionChanged) e)
                .toList();
    }

    public List<Object> all() {
        return List.copyOf(events);
    }
}
