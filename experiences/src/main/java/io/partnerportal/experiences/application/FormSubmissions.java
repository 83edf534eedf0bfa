package io.partnerportal.experiences.application;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.UnknownMembers;
import io.partnerportal.experiences.application.port.AudienceAccess;
import io.partnerportal.experiences.application.port.Directory;
import io.partnerportal.experiences.application.port.FormStore;
import io.partnerportal.experiences.application.port.SubmissionStore;
import io.partnerportal.experiences.domain.form.Form;
import io.partnerportal.experiences.domain.form.PropertyMapping;
import io.partnerportal.experiences.domain.form.Submission;
import io.partnerportal.experiences.domain.form.SubmissionRules;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Submitting forms from the portal. One transaction: the answers are checked field by field (422,
 * nothing written), stored, and the mapped properties written through the partner directory with cause
 * "form submission" and the contact as actor — segments re-evaluate before the commit, so the contact's
 * very next request sees the tabs the submission unlocked. An {@code Idempotency-Key} makes a retry
 * answer the first submission without writing again.
 */
@Singleton
public class FormSubmissions {

    public static final int MAX_KEY_LENGTH = 200;

    /** A submission and whether this answer replays an earlier request with the same idempotency key. */
    public record Outcome(Submission submission, boolean replayed) {
    }

    private final FormStore forms;
    private final SubmissionStore submissions;
    private final AudienceAccess audiences;
    private final Directory directory;

    FormSubmissions(FormStore forms, SubmissionStore submissions, AudienceAccess audiences, Directory directory) {
        this.forms = forms;
        this.submissions = submissions;
        this.audiences = audiences;
        this.directory = directory;
    }

    /** The form for a contact to fill in; one it may not submit is answered like one that does not exist. */
    @Transactional
    public Form formFor(String contactId, String formId) {
        Form form = forms.find(formId, false).orElseThrow(() -> NotFoundException.of("Form", formId));
        if (!audiences.admits(contactId, form.submitAudience())) {
            throw NotFoundException.of("Form", formId);
        }
        return form;
    }

    @Transactional
    public Outcome submit(String contactId, String partnerId, String formId, Map<String, Object> body,
                          String idempotencyKey, Actor actor) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            throw InvalidInputException.parameter("Idempotency-Key", "invalid_format", "the Idempotency-Key is 1 to "
                    + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(formId, body);
        if (idempotencyKey != null) {
            submissions.lockKey(contactId, idempotencyKey);
            Optional<Submission> earlier = submissions.byKey(contactId, idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().equals(hash)) {
                    throw InvalidInputException.parameter("Idempotency-Key", "idempotency_key_reused", "this "
                            + "Idempotency-Key was used for a different request; use a new key for a new submission");
                }
                return new Outcome(earlier.get(), true);
            }
        }
        Form form = formFor(contactId, formId);
        List<FieldError> errors = new ArrayList<>(UnknownMembers.of(body.keySet(), Set.of("values"), ""));
        Map<String, Object> values = SubmissionRules.values(form, body.get("values"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Submission submission = new Submission(UUID.randomUUID().toString(), formId, contactId, partnerId, values,
                idempotencyKey, hash, Instant.now().truncatedTo(ChronoUnit.MICROS));
        submissions.insert(submission);
        writeMappedProperties(form, submission, actor);
        return new Outcome(submission, false);
    }

    /** @param partnerId the partner whose submissions to list, or null for all (admins) */
    @Transactional
    public Page<Submission> list(String formId, String partnerId, PageRequest page) {
        forms.find(formId, false).orElseThrow(() -> NotFoundException.of("Form", formId));
        return submissions.list(formId, partnerId, page);
    }

    private void writeMappedProperties(Form form, Submission submission, Actor actor) {
        Map<String, Object> partnerValues = new LinkedHashMap<>();
        Map<String, Object> contactValues = new LinkedHashMap<>();
        Map<String, String> pointers = new LinkedHashMap<>();
        for (int i = 0; i < form.mappings().size(); i++) {
            PropertyMapping m = form.mappings().get(i);
            Object value;
            if (m instanceof PropertyMapping.FixedValue fixed) {
                value = fixed.value();
                pointers.put(m.property(), null);
            } else {
                String field = ((PropertyMapping.FromField) m).field();
                if (!submission.values().containsKey(field)) {
                    continue; // an empty optional field writes nothing
                }
                value = submission.values().get(field);
                pointers.put(m.property(), "/values/" + field);
            }
            (m.isPartnerProperty() ? partnerValues : contactValues).put(m.key(), value);
        }
        if (partnerValues.isEmpty() && contactValues.isEmpty()) {
            return;
        }
        try {
            directory.writeSubmission(submission.partnerId(), partnerValues, submission.contactId(), contactValues,
                    actor);
        } catch (InvalidInputException e) {
            // the catalogue changed since the form was saved: point at the answer, or at the form itself
            List<FieldError> errors = new ArrayList<>();
            for (FieldError error : e.errors()) {
                String key = error.pointer() == null ? null : error.pointer().replaceFirst("^/properties/", "");
                String pointer = pointers.entrySet().stream().filter(p -> p.getKey().endsWith("." + key)
                        && p.getValue() != null).map(Map.Entry::getValue).findFirst().orElse(null);
                errors.add(pointer != null ? FieldError.at(pointer, error.code(), error.message())
                        : FieldError.at("/values", "form_misconfigured", "this form writes a value the portal no "
                        + "longer accepts (" + error.message() + "); tell the portal's administrators"));
            }
            throw new InvalidInputException(errors);
        }
    }

    /** A canonical hash of the request (field order does not matter). */
    static String hash(String formId, Map<String, Object> body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(formId.getBytes(StandardCharsets.UTF_8));
            digest.update(canonical(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            new TreeMap<>(map.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    e -> String.valueOf(e.getKey()), Map.Entry::getValue, (a, b) -> a))).forEach((k, v) ->
                    sb.append('"').append(k).append("\":").append(canonical(v)).append(','));
            return sb.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            list.forEach(v -> sb.append(canonical(v)).append(','));
            return sb.append(']').toString();
        }
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
