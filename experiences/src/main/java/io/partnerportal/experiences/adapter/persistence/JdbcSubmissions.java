package io.partnerportal.experiences.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.experiences.application.port.SubmissionStore;
import io.partnerportal.experiences.domain.form.Submission;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

@Singleton
class JdbcSubmissions implements SubmissionStore {

    private static final String COLUMNS = "id, form_id, contact_id, partner_id, answers::text AS answers, "
            + "idempotency_key, request_hash, created_at";

    private final Sql sql;
    private final JsonText json;

    JdbcSubmissions(Sql sql, JsonText json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    @Transactional
    public void lockKey(String contactId, String idempotencyKey) {
        sql.one("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> 1,
                "experiences.submission:" + contactId + ":" + idempotencyKey);
    }

    @Override
    @Transactional
    public Optional<Submission> byKey(String contactId, String idempotencyKey) {
        return sql.one("SELECT " + COLUMNS + " FROM experiences.submission WHERE contact_id = ? AND idempotency_key = ?",
                this::map, UUID.fromString(contactId), idempotencyKey);
    }

    @Override
    @Transactional
    public void insert(Submission s) {
        sql.update("INSERT INTO experiences.submission (id, form_id, contact_id, partner_id, answers, idempotency_key, "
                        + "request_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", UUID.fromString(s.id()),
                UUID.fromString(s.formId()), UUID.fromString(s.contactId()), UUID.fromString(s.partnerId()),
                json.write(s.values()), s.idempotencyKey(), s.requestHash(), s.createdAt());
    }

    @Override
    @Transactional
    public Page<Submission> list(String formId, String partnerId, PageRequest page) {
        UUID form = UUID.fromString(formId);
        if (partnerId == null) {
            long total = sql.count("SELECT count(*) FROM experiences.submission WHERE form_id = ?", form);
            return Page.of(sql.list("SELECT " + COLUMNS + " FROM experiences.submission WHERE form_id = ? "
                    + "ORDER BY created_at DESC, id LIMIT ? OFFSET ?", this::map, form, page.size(), page.offset()),
                    page, total);
        }
        UUID partner = UUID.fromString(partnerId);
        long total = sql.count("SELECT count(*) FROM experiences.submission WHERE form_id = ? AND partner_id = ?", form,
                partner);
        return Page.of(sql.list("SELECT " + COLUMNS + " FROM experiences.submission WHERE form_id = ? AND partner_id = ? "
                + "ORDER BY created_at DESC, id LIMIT ? OFFSET ?", this::map, form, partner, page.size(), page.offset()),
                page, total);
    }

    private Submission map(ResultSet rs) throws SQLException {
        return new Submission(rs.getString("id"), rs.getString("form_id"), rs.getString("contact_id"),
                rs.getString("partner_id"), json.read(rs.getString("answers")), rs.getString("idempotency_key"),
                rs.getString("request_hash"), Sql.instant(rs, "created_at"));
    }
}
