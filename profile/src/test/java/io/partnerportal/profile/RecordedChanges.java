package io.partnerportal.profile;

import io.micronaut.runtime.event.annotation.EventListener;
import io.partnerportal.partners.api.event.PartnerChanged;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The partner change events of the test's context. */
@Singleton
public class RecordedChanges {

    private final ConcurrentLinkedQueue<PartnerChanged> events = new ConcurrentLinkedQueue<>();

    @EventListener
    void on(PartnerChanged event) {
        events.add(event);
    }

    public List<PartnerChanged> of(String partnerId) {
        return events.stream().filter(e -> e.partnerId().equals(partnerId)).toList();
    }
}
