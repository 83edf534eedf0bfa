package io.partnerportal.segments.api;

import java.util.Set;

/**
 * Access questions consumers ask: is a contact admitted, which segments is it in, which
 * permissions do its segments give it. A contact is in a partner-level segment when its partner is.
 * Answers reflect the caller's transaction, so a request that changed data sees the new access.
 */
public interface SegmentAccess {

    /** Everyone admits every contact; a segment audience admits contacts in at least one of them. */
    boolean isAdmitted(String contactId, Audience audience);

    /** Every segment the contact is in, its partner's partner-level segments included. */
    Set<String> segmentsOfContact(String contactId);

    /** The partner-level segments a partner is in. */
    Set<String> segmentsOfPartner(String partnerId);

    /** Whether a partner (partner-level segment) or a contact (contact-level segment) is a member. */
    boolean isMember(String segmentId, String memberId);

    /** The three-valued segment permissions resolved for a contact. */
    SegmentPermissions permissionsOf(String contactId);
}
