package io.partnerportal.partners.api.event;

import io.partnerportal.common.Actor;
import io.partnerportal.partners.api.ChangeCause;

import java.time.Instant;

/**
 * A request named a contact's role explicitly — {@code role} in an admin create or merge patch, an
 * import row or the demo data — and the directory applied it to {@code contact.role}. The roles module,
 * which owns role assignments, records it: a key becomes the contact's assignment, {@code null} (the
 * request gave the contact back the default role) removes it. Published inside the transaction,
 * after the {@link ContactChanged} of the same change, also when the role was already that value
 * (the assignment may still change).
 *
 * @param roleKey the assigned role key, or null for "the default role"
 */
public record ContactRoleAssigned(String contactId, String roleKey, ChangeCause cause, Actor actor, Instant at) {
}
