package io.partnerportal.segments.api;

/**
 * The permissions a contact's segments give it. Each is resolved three-valued over the contact's
 * segments: a segment saying {@code true} grants; otherwise one saying {@code false} denies;
 * otherwise the portal default applies (invites allowed, collaboration unrestricted).
 *
 * @param inviteTeamMembers       may invite colleagues
 * @param inviteDecidedBy         the segment that decided, or null for the portal default
 * @param collaborationRestricted sees only the deals it collaborates on (a role may also turn it on)
 * @param collaborationDecidedBy  the segment that decided, or null for the portal default
 */
public record SegmentPermissions(boolean inviteTeamMembers, String inviteDecidedBy,
                                 boolean collaborationRestricted, String collaborationDecidedBy) {

    public static final SegmentPermissions DEFAULTS = new SegmentPermissions(true, null, false, null);
}
