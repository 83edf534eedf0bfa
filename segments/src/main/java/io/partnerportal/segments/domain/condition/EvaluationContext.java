package io.partnerportal.segments.domain.condition;

import java.time.LocalDate;

/** What evaluation needs beyond the record itself. Implementations should answer from memory: it is called per record. */
public interface EvaluationContext {

    /** The current UTC date, for within_last / within_next / more_than_ago (day granularity). */
    LocalDate today();

    /** The contacts of a partner, for any_contact / all_contacts. */
    Iterable<? extends Values> contactsOf(String partnerId);

    /** Whether a partner is a member of a partner-level segment. */
    boolean partnerIn(String segmentId, String partnerId);

    /** Whether a contact is a member of a contact-level segment. */
    boolean contactIn(String segmentId, String contactId);

    /**
     * The contacts of a partner given as values: the evaluator calls this one, so a context over
     * in-memory records can answer by position without turning the partner back into an id.
     */
    default Iterable<? extends Values> contactsOf(Values partner) {
        return contactsOf(partner.id());
    }

    /** {@link #partnerIn(String, String)} for a partner given as values (see {@link #contactsOf(Values)}). */
    default boolean partnerIn(String segmentId, Values partner) {
        return partnerIn(segmentId, partner.id());
    }

    /** {@link #contactIn(String, String)} for a contact given as values (see {@link #contactsOf(Values)}). */
    default boolean contactIn(String segmentId, Values contact) {
        return contactIn(segmentId, contact.id());
    }
}
