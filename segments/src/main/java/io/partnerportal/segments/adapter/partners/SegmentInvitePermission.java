package io.partnerportal.segments.adapter.partners;

import io.partnerportal.partners.spi.TeamInvitePermission;
import io.partnerportal.segments.api.SegmentAccess;
import jakarta.inject.Singleton;

/** Team invites follow the three-valued segment permission {@code inviteTeamMembers}. */
@Singleton
class SegmentInvitePermission implements TeamInvitePermission {

    private final SegmentAccess access;

    SegmentInvitePermission(SegmentAccess access) {
        this.access = access;
    }

    @Override
    public boolean mayInviteTeamMembers(String contactId) {
        return access.permissionsOf(contactId).inviteTeamMembers();
    }
}
