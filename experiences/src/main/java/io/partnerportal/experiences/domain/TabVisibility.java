package io.partnerportal.experiences.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Whether a tab is visible to a contact, and why — the lock icons of the admin's preview.
 * Visible = (the role list is empty OR holds the contact's effective role) AND the audience admits
 * the contact (everyone, or the contact is in at least one of its segments).
 */
public final class TabVisibility {

    private TabVisibility() {
    }

    /**
     * @param visible        the outcome
     * @param audienceReason "everyone", "in segment Prospecting", "not in any of: Prospecting, Signed"
     * @param roleReason     "all roles", "role Admin is allowed", "role Sales rep is not in [Admin]"
     */
    public record Decision(boolean visible, boolean admitted, boolean roleAllowed, String audienceReason,
                           String roleReason) {

        public String reason() {
            return (visible ? "visible: " : "hidden: ") + audienceReason + "; " + roleReason;
        }
    }

    /**
     * @param segmentsOfContact the contact's segments among those the tab names (only used for the reason)
     * @param segmentNames      names of the segments the tab names, by id
     * @param roleNames         role names by key
     */
    public static Decision decide(Tab tab, boolean admitted, Collection<String> segmentsOfContact, String roleKey,
                                  Map<String, String> segmentNames, Map<String, String> roleNames) {
        boolean roleAllowed = tab.roles().isEmpty() || tab.roles().contains(roleKey);
        String audienceReason;
        if (tab.audience() instanceof SegmentGate.AnyOf any) {
            if (admitted) {
                List<String> matched = any.segmentIds().stream().filter(segmentsOfContact::contains)
                        .map(id -> segmentNames.getOrDefault(id, id)).toList();
                audienceReason = "in segment " + (matched.isEmpty() ? "(one of the audience)" : String.join(", ", matched));
            } else {
                audienceReason = "not in any of: " + String.join(", ", any.segmentIds().stream()
                        .map(id -> segmentNames.getOrDefault(id, "(deleted segment " + id + ")")).toList());
            }
        } else {
            audienceReason = "everyone";
        }
        String roleName = roleNames.getOrDefault(roleKey, roleKey);
        String roleReason;
        if (tab.roles().isEmpty()) {
            roleReason = "all roles";
        } else if (roleAllowed) {
            roleReason = "role " + roleName + " is allowed";
        } else {
            roleReason = "role " + roleName + " is not in [" + String.join(", ", tab.roles().stream()
                    .map(k -> roleNames.getOrDefault(k, k)).toList()) + "]";
        }
        return new Decision(admitted && roleAllowed, admitted, roleAllowed, audienceReason, roleReason);
    }
}
