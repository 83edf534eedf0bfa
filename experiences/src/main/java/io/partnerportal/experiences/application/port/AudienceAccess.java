package io.partnerportal.experiences.application.port;

import io.partnerportal.experiences.domain.SegmentGate;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Segments as experiences need them: admission decided by the segments module, names, validation. */
public interface AudienceAccess {

    /** An audience ready to be asked many times (compiled once when experiences are loaded). */
    interface Compiled {
        boolean admits(String contactId);
    }

    Compiled compile(SegmentGate gate);

    default boolean admits(String contactId, SegmentGate gate) {
        return compile(gate).admits(contactId);
    }

    /** The segments a contact is in (for explanations). */
    Set<String> segmentsOf(String contactId);

    /** Names of the segments that exist among {@code ids}. */
    Map<String, String> names(Collection<String> ids);

    /** Refuses (422 at {@code pointer/segmentIds/i}) an audience naming a segment that does not exist. */
    void requireValid(SegmentGate gate, String pointer);
}
