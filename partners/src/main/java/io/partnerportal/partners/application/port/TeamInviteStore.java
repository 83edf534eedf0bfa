package io.partnerportal.partners.application.port;

import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.partners.domain.InviteSettings;
import io.partnerportal.partners.domain.TeamInvite;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where team invites and the invite settings are kept. */
public interface TeamInviteStore {

    /** Serialises the invites of one contact until the transaction ends (the rate limit counts them). */
    void lockInviter(UUID contactId);

    /** When the contact's invites since {@code since} were made, oldest first. */
    List<Instant> invitedSince(UUID contactId, Instant since);

    void insert(TeamInvite invite);

    /** A partner's invites, newest first, with the invited contact's current portal status. */
    Page<InviteWithStatus> ofPartner(UUID partnerId, PageRequest page);

    InviteSettings settings(boolean lock);

    void saveSettings(InviteSettings settings, Instant at);

    /** An invite and whether the invited contact has joined (null once the contact was deleted). */
    record InviteWithStatus(TeamInvite invite, String portalStatus) {
    }
}
