package io.partnerportal.partners.api.event;

import io.partnerportal.common.Actor;

import java.time.Instant;

/**
 * A contact invited a colleague to the portal: a new contact of the same partner exists, with status
 * invited. Published inside the transaction of the invite; the e-mail carrying the invitation link is
 * the notifications module's job (it asks identity for the token).
 *
 * @param inviteId  the recorded invite
 * @param contactId the invited (new) contact
 * @param invitedBy the contact who sent the invite
 */
public record TeamMemberInvited(String inviteId, String partnerId, String contactId, String email, Actor invitedBy,
                                Instant at) {
}
