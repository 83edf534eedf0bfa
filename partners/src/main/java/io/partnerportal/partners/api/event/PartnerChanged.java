package io.partnerportal.partners.api.event;

import io.partnerportal.common.Actor;
import io.partnerportal.partners.api.ChangeCause;

import java.time.Instant;
import java.util.Map;

/**
 * A partner was created, changed or deleted. Published inside the transaction of the change;
 * listeners that keep derived state (segment membership) run synchronously in it.
 *
 * @param changes every changed property by key (system keys included: {@code name}, {@code website}),
 *                with the values before and after; on creation every set value, on deletion every
 *                value it had
 */
public record PartnerChanged(String partnerId, ChangeKind kind, Map<String, ValueChange> changes,
                             ChangeCause cause, Actor actor, Instant at) {

    public PartnerChanged {
        changes = Map.copyOf(changes);
    }
}
