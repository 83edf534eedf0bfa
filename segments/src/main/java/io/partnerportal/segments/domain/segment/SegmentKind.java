package io.partnerportal.segments.domain.segment;

/** Dynamic segments compute their members from a condition; static ones list them by hand. */
public enum SegmentKind {
    DYNAMIC, STATIC;

    public String jsonName() {
        return name().toLowerCase();
    }

    public static SegmentKind fromJson(String name) {
        for (SegmentKind kind : values()) {
            if (kind.jsonName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown segment kind: " + name);
    }
}
