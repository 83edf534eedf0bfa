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
 * @param initial            the membership tables were empty: every row was written with COPY, with one
 *                           history entry per segment (docs/adr/0009)
 * @param rowsWritten        membership rows written by an initial computation
 * @param readDirectoryMillis   reading every partner and contact into memory and fixing the copy
 * @param readMembershipsMillis reading the persisted memberships (skipped when initial)
 * @param evaluateMillis     evaluating every segment in memory
 * @param writeMillis        writing the differences and their history
 */
public record RecomputeReport(int segments, long joined, long left, long directoryFixes,
                              Map<String, Long> differencesBySegment, long millis, boolean initial, long rowsWritten,
                              long readDirectoryMillis, long readMembershipsMillis, long evaluateMillis,
                              long writeMillis) {
}
