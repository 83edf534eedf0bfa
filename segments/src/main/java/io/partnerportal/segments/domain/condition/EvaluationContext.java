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
}
