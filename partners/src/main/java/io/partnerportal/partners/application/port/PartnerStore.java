package io.partnerportal.partners.application.port;

import io.partnerportal.common.Page;
import io.partnerportal.partners.domain.CrmKey;
import io.partnerportal.partners.domain.DirectoryQuery;
import io.partnerportal.partners.domain.Partner;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Where partners are kept. */
public interface PartnerStore {

    /** @param lock take a row lock until the transaction ends (before an update) */
    Optional<Partner> find(UUID id, boolean lock);

    List<Partner> findAll(Collection<UUID> ids, boolean lock);

    /**
     * Which of these partners exist, locking them against deletion until the transaction ends (a
     * contact is being placed with them).
     */
    java.util.Set<UUID> lockExisting(Collection<UUID> ids);

    /** The partners holding any of these CRM ids. */
    Map<CrmKey, UUID> idsByCrmIds(Collection<CrmKey> keys);

    /** Writes new partners and changed ones (with their CRM ids) in a few round trips. */
    void save(List<Partner> created, List<Partner> updated);

    boolean delete(UUID id);

    Page<Partner> list(DirectoryQuery query);

    /** Streams every partner with a cursor; must run in a transaction. */
    void forEach(Consumer<Partner> consumer);

    long count();
}
