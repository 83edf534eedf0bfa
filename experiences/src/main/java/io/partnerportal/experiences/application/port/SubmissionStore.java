package io.partnerportal.experiences.application.port;

import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.experiences.domain.form.Submission;

import java.util.Optional;

/** Where form submissions are kept. */
public interface SubmissionStore {

    /** Serialises requests of one contact with one idempotency key until the transaction ends. */
    void lockKey(String contactId, String idempotencyKey);

    Optional<Submission> byKey(String contactId, String idempotencyKey);

    void insert(Submission submission);

    /** @param partnerId null for every partner's submissions (admins) */
    Page<Submission> list(String formId, String partnerId, PageRequest page);
}
