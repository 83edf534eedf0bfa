package io.partnerportal.segments.api;

/**
 * A segment as consumers show it.
 *
 * @param level        {@code partner} or {@code contact}
 * @param kind         {@code dynamic} or {@code static}
 * @param memberCount  members at the segment's level
 * @param contactCount contacts reached (for a partner-level segment: contacts of member partners)
 */
public record SegmentSummary(String id, String name, String level, String kind, long memberCount,
                             long contactCount) {
}
