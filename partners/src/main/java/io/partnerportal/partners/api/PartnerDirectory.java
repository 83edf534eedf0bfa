package io.partnerportal.partners.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads partners and contacts. Inside a transaction it reads that transaction's view, so a
 * listener reacting to a change sees the change.
 */
public interface PartnerDirectory {

    Optional<PartnerRecord> partner(String partnerId);

    Optional<ContactRecord> contact(String contactId);

    Optional<ContactRecord> contactByEmail(String email);

    /** The partner linked to a record of a CRM ({@code crmIds.<system>}), for the CRM sync. */
    Optional<PartnerRecord> partnerByCrmId(String system, String crmId);

    /** The contact linked to a record of a CRM ({@code crmIds.<system>}), for the CRM sync. */
    Optional<ContactRecord> contactByCrmId(String system, String crmId);

    List<PartnerRecord> partners(Collection<String> partnerIds);

    List<ContactRecord> contacts(Collection<String> contactIds);

    /** All contacts of a partner (a partner may have thousands; use for per-partner work only). */
    List<ContactRecord> contactsOf(String partnerId);

    /** Streams every partner, fetched with a cursor, never all in memory. */
    void forEachPartner(Consumer<PartnerRecord> consumer);

    /** Streams every contact, fetched with a cursor, never all in memory. */
    void forEachContact(Consumer<ContactRecord> consumer);

    long partnerCount();

    long contactCount();
}
