package io.partnerportal.segments.domain.segment;

import java.util.Set;

/** Who joined and who left one segment. */
public record MembershipDiff(Set<String> joined, Set<String> left) {

    public static final MembershipDiff NONE = new MembershipDiff(Set.of(), Set.of());

    public MembershipDiff {
        joined = Set.copyOf(joined);
        left = Set.copyOf(left);
    }

    public boolean isEmpty() {
        return joined.isEmpty() && left.isEmpty();
    }

    public int size() {
        return joined.size() + left.size();
    }
}
