package io.partnerportal.segments.application;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.segments.api.Audience;
import io.partnerportal.segments.api.SegmentAccess;
import io.partnerportal.segments.api.SegmentDirectory;
import io.partnerportal.segments.api.SegmentPermissions;
import io.partnerportal.segments.api.SegmentSummary;
import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.application.port.SegmentStore;
import io.partnerportal.segments.domain.segment.Permissions;
import io.partnerportal.segments.domain.segment.Segment;
import io.partnerportal.segments.domain.SegmentLevel;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Answers the access questions of other modules from the materialized membership. A segment that
 * no longer exists admits nobody (fail closed).
 */
@Singleton
class AccessQueries implements SegmentAccess, SegmentDirectory {

    private final MembershipStore memberships;
    private final SegmentStore store;
    private final AccessIndex index;
    private final IndexTransactions indexTx;
    private final TransactionOperations<java.sql.Connection> db;

    AccessQueries(MembershipStore memberships, SegmentStore store, AccessIndex index, IndexTransactions indexTx,
                  TransactionOperations<java.sql.Connection> db) {
        this.memberships = memberships;
        this.store = store;
        this.index = index;
        this.indexTx = indexTx;
        this.db = db;
    }

    /** Runs a database read in the caller's transaction, or a short read-only one. */
    private <T> T read(java.util.function.Supplier<T> query) {
        return db.executeRead(status -> query.get());
    }

    /**
     * The in-memory index answers unless it is still loading or the caller's own transaction changed
     * memberships it has not learnt yet (then the database, as this transaction sees it, answers).
     */
    private boolean indexed() {
        return index.ready() && !indexTx.pending();
    }

    @Override
    public boolean isAdmitted(String contactId, Audience audience) {
        // Java 17: no pattern switch yet; Audience is sealed to these two
        if (audience instanceof Audience.AnyOfSegments any) {
            return indexed() ? index.isAdmitted(contactId, any.segmentIds())
                    : read(() -> memberships.inAnyOf(contactId, any.segmentIds()));
        }
        return true;
    }

    @Override
    public Set<String> segmentsOfContact(String contactId) {
        if (indexed()) {
            return index.segmentsOfContact(contactId);
        }
        return read(() -> {
            Set<String> segments = new LinkedHashSet<>(memberships.contactLevelSegmentsOf(contactId));
            String partnerId = memberships.partnerOfContact(contactId);
            if (partnerId != null) {
                segments.addAll(memberships.segmentsOfPartner(partnerId));
            }
            return segments;
        });
    }

    @Override
    public Set<String> segmentsOfPartner(String partnerId) {
        return indexed() ? index.segmentsOfPartner(partnerId) : read(() -> memberships.segmentsOfPartner(partnerId));
    }

    @Override
    public boolean isMember(String segmentId, String memberId) {
        if (indexed()) {
            return index.isMember(segmentId, memberId);
        }
        return read(() -> store.find(segmentId).map(s -> memberships.isMember(segmentId, s.level(), memberId))
                .orElse(false));
    }

    @Override
    public SegmentPermissions permissionsOf(String contactId) {
        Set<String> ids = segmentsOfContact(contactId);
        List<Segment> segments = new ArrayList<>();
        read(() -> {
            for (String id : ids) {
                store.find(id).ifPresent(segments::add);
            }
            return null;
        });
        segments.sort(java.util.Comparator.comparing(Segment::name, String.CASE_INSENSITIVE_ORDER));
        Permissions.Verdict invite = Permissions.resolve(segments, Permissions::inviteTeamMembers, true);
        Permissions.Verdict restricted = Permissions.resolve(segments, Permissions::collaborationRestricted, false);
        return new SegmentPermissions(invite.value(), invite.decidedBy(), restricted.value(), restricted.decidedBy());
    }

    @Override
    public Optional<SegmentSummary> find(String segmentId) {
        return read(() -> store.find(segmentId).map(this::summary));
    }

    @Override
    public List<SegmentSummary> findAll(Collection<String> segmentIds) {
        return read(() -> {
            List<SegmentSummary> found = new ArrayList<>();
            for (String id : new LinkedHashSet<>(segmentIds)) {
                store.find(id).map(this::summary).ifPresent(found::add);
            }
            return found;
        });
    }

    @Override
    public Optional<SegmentSummary> findByName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return read(() -> store.findAll().stream().filter(s -> s.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst().map(this::summary));
    }

    @Override
    public Page<String> members(String segmentId, PageRequest page) {
        return read(() -> memberships.members(segmentId, levelOf(segmentId), page));
    }

    @Override
    public void forEachMember(String segmentId, Consumer<String> memberId) {
        read(() -> {
            memberships.forEachMember(segmentId, levelOf(segmentId), memberId);
            return null;
        });
    }

    private SegmentLevel levelOf(String segmentId) {
        return store.find(segmentId).map(Segment::level).orElseThrow(() -> NotFoundException.of("Segment", segmentId));
    }

    @Override
    public void requireValid(Audience audience, String pointer) {
        read(() -> {
            check(audience, pointer);
            return null;
        });
    }

    private void check(Audience audience, String pointer) {
        if (audience instanceof Audience.AnyOfSegments any) {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < any.segmentIds().size(); i++) {
                String id = any.segmentIds().get(i);
                if (store.find(id).isEmpty()) {
                    errors.add(FieldError.at(JsonPointer.append(JsonPointer.append(pointer, "segmentIds"), i),
                            "unknown_segment", "no segment with id " + id));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }
    }

    private SegmentSummary summary(Segment s) {
        boolean indexed = indexed();
        return new SegmentSummary(s.id(), s.name(), s.level().jsonName(), s.kind().jsonName(),
                indexed ? index.memberCount(s.id()) : memberships.memberCount(s.id(), s.level()),
                indexed ? index.contactCount(s.id()) : memberships.contactCount(s.id(), s.level()));
    }

    static boolean partnerLevel(Segment s) {
        return s.level() == SegmentLevel.PARTNER;
    }
}
