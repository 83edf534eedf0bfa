package io.partnerportal.partners.spi;

/**
 * Decides whether a contact may invite colleagues (implemented by segments through the three-valued
 * segment permission {@code inviteTeamMembers}). Every bean must allow it; with no bean the portal
 * default applies: invites are allowed.
 */
public interface TeamInvitePermission {

    boolean mayInviteTeamMembers(String contactId);
}
