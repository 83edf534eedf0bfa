package io.partnerportal.partners.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A contact's invitation of a colleague: the invited contact (created with status invited) and who
 * invited it, when.
 */
public record TeamInvite(UUID id, UUID partnerId, UUID contactId, UUID invitedBy, String email, String firstName,
                         String lastName, Instant createdAt) {

    public TeamInvite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
