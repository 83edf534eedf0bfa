package io.partnerportal.segments.application;

import java.util.Map;

/**
 * What a full recomputation found: on a consistent system every count is zero.
 *
 * @param segments           segments recomputed
 * @param joined             members that should have been in a segment and were not
 * @param left               members that were in a segment and should not have been
 * @param directoryFixes     rows of the partner/contact copy that had to be corrected
 * @param differencesBySegment joined + left per segment id, for segments with differences
 */
public record RecomputeReport(int segments, long joined, long left, long directoryFixes,
                              Map<String, Long> differencesBySegment, long millis) {
}
