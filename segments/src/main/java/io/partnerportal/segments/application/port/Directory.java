package io.partnerportal.segments.application.port;

import io.partnerportal.segments.domain.condition.PropertySpecs;
import io.partnerportal.segments.domain.condition.Values;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The partner directory as segments need it: records as condition {@link Values}, and the catalogue. */
public interface Directory {

    Optional<Values> partner(String partnerId);

    Optional<Values> contact(String contactId);

    /** The partner id of an existing contact. */
    Optional<String> partnerOf(String contactId);

    List<Values> contactsOf(String partnerId);

    List<Values> partners(Collection<String> partnerIds);

    List<Values> contacts(Collection<String> contactIds);

    /** A contact with the partner it belongs to. */
    record Placed(Values contact, String partnerId) {
    }

    /** Contacts with their partners, in one read. */
    List<Placed> placedContacts(Collection<String> contactIds);

    /**
     * Every value of a record read from this directory (system fields and properties), keyed as
     * conditions name them: what the in-memory value store keeps of it.
     */
    java.util.Map<String, Object> allValues(Values record);

    void forEachPartner(Consumer<Values> consumer);

    /** Every contact with its partner id. */
    void forEachContact(java.util.function.BiConsumer<Values, String> consumer);

    PropertySpecs catalogue();

    /** Every property key of a level (system keys included), to copy records into memory. */
    List<String> keys(io.partnerportal.segments.domain.condition.Scope scope);
}
