package io.partnerportal.partners;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.partnerportal.partners.api.event.ContactChanged;
import io.partnerportal.partners.api.event.PartnerChanged;
import io.partnerportal.partners.api.event.ValueChange;
import jakarta.inject.Singleton;

/**
 * A listener that keeps derived state and fails, as a broken segment evaluation would: it throws for
 * partners named "Explode..." and contacts whose e-mail starts with "explode".
 */
@Singleton
@Requires(property = "test.exploding-listener", value = "true")
public class ExplodingListener {

    @EventListener
    void on(PartnerChanged event) {
        ValueChange name = event.changes().get("name");
        if (name != null && name.after() instanceof String s && s.startsWith("Explode")) {
            throw new IllegalStateException("derived state could not be updated");
        }
    }

    @EventListener
    void on(ContactChanged event) {
        ValueChange email = event.changes().get("email");
        if (email != null && email.after() instanceof String s && s.startsWith("explode")) {
            throw new IllegalStateException("derived state could not be updated");
        }
    }
}
