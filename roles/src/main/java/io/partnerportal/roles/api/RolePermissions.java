package io.partnerportal.roles.api;

/**
 * What a contact's effective role permits. Segment permissions may also restrict collaboration
 * ({@code segments.api.SegmentPermissions}); the deals module combines both (restricted when either says so).
 *
 * @param role the effective role that decided
 */
public record RolePermissions(boolean collaborationRestricted, PartnerRole role) {
}
