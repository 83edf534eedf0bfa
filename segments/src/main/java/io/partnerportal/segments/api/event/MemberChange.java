package io.partnerportal.segments.api.event;

/**
 * One member joining or leaving a segment.
 *
 * @param memberId  the partner (partner-level segment) or contact (contact-level segment)
 * @param partnerId the member's partner (the member itself for a partner)
 */
public record MemberChange(String memberId, String partnerId, boolean joined) {
}
