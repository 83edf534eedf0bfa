package io.partnerportal.identity.domain;

import java.time.Instant;
import java.util.UUID;

/** A member of the vendor's channel team who administers the portal. */
public record AdminUser(UUID id, String username, String passwordHash, String displayName, Instant createdAt) {
}
