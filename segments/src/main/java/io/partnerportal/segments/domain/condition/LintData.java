package io.partnerportal.segments.domain.condition;

/** What lint asks about the current data. Answers may be approximate (a cached distinct-value list). */
public interface LintData {

    /**
     * Whether some partner or contact currently has this value for the property (for a multi_enum:
     * has this key among its values). {@code value} is the operand as written: String or BigDecimal.
     */
    boolean valueExists(PropertyRef property, Object value);

    /** The number of members of a segment now. */
    long memberCount(String segmentId);
}
