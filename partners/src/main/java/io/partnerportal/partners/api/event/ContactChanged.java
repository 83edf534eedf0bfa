package io.partnerportal.partners.api.event;

import io.partnerportal.common.Actor;
import io.partnerportal.partners.api.ChangeCause;

import java.time.Instant;
import java.util.Map;

/**
 * A contact was created, changed, moved to another partner or deleted. Published inside the
 * transaction of the change; listeners that keep derived state run synchronously in it.
 *
 * @param partnerId         the contact's partner after the change (before it, on deletion)
 * @param previousPartnerId the partner before a move; equal to {@code partnerId} otherwise
 * @param changes           every changed property by key (system keys included: {@code email},
 *                          {@code role}, {@code portal_status}), with the values before and after
 */
public record ContactChanged(String contactId, String partnerId, String previousPartnerId, ChangeKind kind,
                             Map<String, ValueChange> changes, ChangeCause cause, Actor actor, Instant at) {

    public ContactChanged {
        changes = Map.copyOf(changes);
    }

    public boolean moved() {
        return !partnerId.equals(previousPartnerId);
    }
}
