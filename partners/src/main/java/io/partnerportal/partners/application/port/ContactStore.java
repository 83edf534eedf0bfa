package io.partnerportal.partners.application.port;

import io.partnerportal.common.Page;
import io.partnerportal.partners.domain.Contact;
import io.partnerportal.partners.domain.CrmKey;
import io.partnerportal.partners.domain.DirectoryQuery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Where contacts are kept. */
public interface ContactStore {

    Optional<Contact> find(UUID id, boolean lock);

    List<Contact> findAll(Collection<UUID> ids, boolean lock);

    Optional<Contact> findByEmail(String email);

    /** Contact ids by lower-cased e-mail. */
    Map<String, UUID> idsByEmails(Collection<String> emails);

    Map<CrmKey, UUID> idsByCrmIds(Collection<CrmKey> keys);

    void save(List<Contact> created, List<Contact> updated);

    boolean delete(UUID id);

    List<Contact> ofPartner(UUID partnerId);

    /** The ids of every contact whose effective role is {@code role}. */
    List<UUID> idsWithRole(String role);

    long countOfPartner(UUID partnerId);

    Page<Contact> list(DirectoryQuery query);

    void forEach(Consumer<Contact> consumer);

    long count();

    /** Sets {@code last_login} (not a versioned edit: the version stays). */
    void recordLogin(UUID id, Instant at);
}
