package io.partnerportal.experiences.application.port;

import io.partnerportal.common.Actor;
import io.partnerportal.experiences.domain.form.PropertySpec;

import java.util.Map;
import java.util.Optional;

/** The partner directory as forms need it: the catalogue, contacts, and property writes. */
public interface Directory {

    /** Every property of both levels by qualified key ({@code partner.tier}). */
    Map<String, PropertySpec> catalogue();

    /** The contact's partner, if the contact exists. */
    Optional<String> partnerOf(String contactId);

    /**
     * Writes a submission's mapped values with cause "form submission", the contact as actor, in the
     * caller's transaction (segments re-evaluate before it commits). A value the catalogue refuses is a
     * 422 pointing at {@code /properties/<key>}, and nothing is written.
     */
    void writeSubmission(String partnerId, Map<String, Object> partnerValues, String contactId,
                         Map<String, Object> contactValues, Actor contact);
}
