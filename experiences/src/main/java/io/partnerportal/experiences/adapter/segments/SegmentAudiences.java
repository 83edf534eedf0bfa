package io.partnerportal.experiences.adapter.segments;

import io.partnerportal.experiences.application.port.AudienceAccess;
import io.partnerportal.experiences.domain.SegmentGate;
import io.partnerportal.segments.api.Audience;
import io.partnerportal.segments.api.SegmentAccess;
import io.partnerportal.segments.api.SegmentDirectory;
import io.partnerportal.segments.api.SegmentSummary;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Audiences are decided by the segments module (its in-memory access index); this module never evaluates. */
@Singleton
class SegmentAudiences implements AudienceAccess {

    private final SegmentAccess access;
    private final SegmentDirectory directory;

    SegmentAudiences(SegmentAccess access, SegmentDirectory directory) {
        this.access = access;
        this.directory = directory;
    }

    @Override
    public Compiled compile(SegmentGate gate) {
        if (gate instanceof SegmentGate.Everyone) {
            return contactId -> true;
        }
        Audience audience = new Audience.AnyOfSegments(gate.segmentIds());
        return contactId -> access.isAdmitted(contactId, audience);
    }

    @Override
    public Set<String> segmentsOf(String contactId) {
        return access.segmentsOfContact(contactId);
    }

    @Override
    public Map<String, String> names(Collection<String> ids) {
        Map<String, String> names = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            for (SegmentSummary s : directory.findAll(ids)) {
                names.put(s.id(), s.name());
            }
        }
        return names;
    }

    @Override
    public void requireValid(SegmentGate gate, String pointer) {
        directory.requireValid(gate instanceof SegmentGate.AnyOf any ? new Audience.AnyOfSegments(List.copyOf(
                any.segmentIds())) : Audience.EVERYONE, pointer);
    }
}
