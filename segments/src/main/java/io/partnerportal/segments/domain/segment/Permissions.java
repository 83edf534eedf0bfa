package io.partnerportal.segments.domain.segment;

import java.util.Collection;

/**
 * The permissions a segment carries. Each is three-valued: {@code true} grants, {@code false}
 * denies, {@code null} leaves the decision to other segments or the portal default.
 */
public record Permissions(Boolean inviteTeamMembers, Boolean collaborationRestricted) {

    public static final Permissions NONE = new Permissions(null, null);

    /**
     * Resolves one permission over all of a contact's segments: any grant wins, else any denial,
     * else the default.
     *
     * @return the deciding segment's verdict and id, or the default with a null id
     */
    public static Verdict resolve(Collection<Segment> segments, java.util.function.Function<Permissions, Boolean> which,
                                  boolean portalDefault) {
        Segment denying = null;
        for (Segment segment : segments) {
            Boolean value = which.apply(segment.permissions());
            if (Boolean.TRUE.equals(value)) {
                return new Verdict(true, segment.id());
            }
            if (Boolean.FALSE.equals(value) && denying == null) {
                denying = segment;
            }
        }
        return denying != null ? new Verdict(false, denying.id()) : new Verdict(portalDefault, null);
    }

    /** A resolved permission and the segment that decided it (null: the portal default). */
    public record Verdict(boolean value, String decidedBy) {
    }
}
