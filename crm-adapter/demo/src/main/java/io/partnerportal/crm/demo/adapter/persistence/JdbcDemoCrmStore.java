package io.partnerportal.crm.demo.adapter.persistence;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.jdbc.Jsonb;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.common.web.JsonBody;
import io.partnerportal.crm.demo.application.port.DemoCrmStore;
import io.partnerportal.crm.demo.domain.DemoCompany;
import io.partnerportal.crm.demo.domain.DemoPerson;
import io.partnerportal.crm.demo.domain.Fault;
import io.partnerportal.crm.demo.domain.ReceivedWrite;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
class JdbcDemoCrmStore implements DemoCrmStore {

    private static final String COMPANY = "SELECT crm_id, name, domain, fields::text AS fields, version, updated_at "
            + "FROM crm_demo.company";
    private static final String PERSON = "SELECT crm_id, company_crm_id, email, first_name, last_name, "
            + "fields::text AS fields, version, updated_at FROM crm_demo.person";

    private final Sql sql;
    private final JsonMapper json;

    JdbcDemoCrmStore(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    @Transactional
    public Page<DemoCompany> companies(PageRequest page) {
        return Page.of(sql.list(COMPANY + " ORDER BY crm_id LIMIT ? OFFSET ?", this::company, page.size(),
                page.offset()), page, sql.count("SELECT count(*) FROM crm_demo.company"));
    }

    @Override
    @Transactional
    public List<DemoCompany> companiesAfter(String crmId, int limit) {
        return sql.list(COMPANY + " WHERE crm_id > ? ORDER BY crm_id LIMIT ?", this::company, crmId, limit);
    }

    @Override
    @Transactional
    public Optional<DemoCompany> company(String crmId) {
        return sql.one(COMPANY + " WHERE crm_id = ?", this::company, crmId);
    }

    @Override
    @Transactional
    public boolean insert(DemoCompany c) {
        return sql.update("INSERT INTO crm_demo.company (crm_id, name, domain, fields, version, updated_at) "
                        + "VALUES (?,?,?,?,?,?) ON CONFLICT (crm_id) DO NOTHING", c.crmId(), c.name(), c.domain(),
                write(c.fields()), c.version(), c.updatedAt()) == 1;
    }

    @Override
    @Transactional
    public Optional<DemoCompany> updateCompany(String crmId, Map<String, String> attributes, Map<String, Object> fields) {
        return sql.one("UPDATE crm_demo.company SET name = CASE WHEN ? THEN ? ELSE name END, "
                        + "domain = CASE WHEN ? THEN ? ELSE domain END, "
                        + "fields = jsonb_strip_nulls(fields || ?), version = version + 1, updated_at = now() "
                        + "WHERE crm_id = ? RETURNING crm_id, name, domain, fields::text AS fields, version, updated_at",
                this::company, attributes.containsKey("name"), attributes.get("name"), attributes.containsKey("domain"),
                attributes.get("domain"), write(fields), crmId);
    }

    @Override
    @Transactional
    public Page<DemoPerson> people(PageRequest page) {
        return Page.of(sql.list(PERSON + " ORDER BY crm_id LIMIT ? OFFSET ?", this::person, page.size(), page.offset()),
                page, sql.count("SELECT count(*) FROM crm_demo.person"));
    }

    @Override
    @Transactional
    public List<DemoPerson> peopleAfter(String crmId, int limit) {
        return sql.list(PERSON + " WHERE crm_id > ? ORDER BY crm_id LIMIT ?", this::person, crmId, limit);
    }

    @Override
    @Transactional
    public Optional<DemoPerson> person(String crmId) {
        return sql.one(PERSON + " WHERE crm_id = ?", this::person, crmId);
    }

    @Override
    @Transactional
    public boolean insert(DemoPerson p) {
        return sql.update("INSERT INTO crm_demo.person (crm_id, company_crm_id, email, first_name, last_name, fields, "
                        + "version, updated_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (crm_id) DO NOTHING", p.crmId(),
                p.companyCrmId(), p.email(), p.firstName(), p.lastName(), write(p.fields()), p.version(),
                p.updatedAt()) == 1;
    }

    @Override
    @Transactional
    public Optional<DemoPerson> updatePerson(String crmId, Map<String, String> attributes, Map<String, Object> fields) {
        return sql.one("UPDATE crm_demo.person SET email = CASE WHEN ? THEN ? ELSE email END, "
                        + "first_name = CASE WHEN ? THEN ? ELSE first_name END, "
                        + "last_name = CASE WHEN ? THEN ? ELSE last_name END, "
                        + "fields = jsonb_strip_nulls(fields || ?), version = version + 1, updated_at = now() "
                        + "WHERE crm_id = ? RETURNING crm_id, company_crm_id, email, first_name, last_name, "
                        + "fields::text AS fields, version, updated_at", this::person,
                attributes.containsKey("email"), attributes.get("email"), attributes.containsKey("firstName"),
                attributes.get("firstName"), attributes.containsKey("lastName"), attributes.get("lastName"),
                write(fields), crmId);
    }

    @Override
    @Transactional
    public boolean recordWrite(String idempotencyKey, String object, String crmId, Map<String, Object> fields) {
        return sql.update("INSERT INTO crm_demo.received_write (idempotency_key, object, crm_id, fields, received_at) "
                + "VALUES (?,?,?,?,now()) ON CONFLICT (idempotency_key) DO NOTHING", idempotencyKey, object, crmId,
                write(fields)) == 1;
    }

    @Override
    @Transactional
    public void countDuplicate(String idempotencyKey) {
        sql.update("UPDATE crm_demo.received_write SET duplicates = duplicates + 1 WHERE idempotency_key = ?",
                idempotencyKey);
    }

    @Override
    @Transactional
    public Page<ReceivedWrite> writes(PageRequest page) {
        return Page.of(sql.list("SELECT idempotency_key, object, crm_id, fields::text AS fields, received_at, duplicates "
                        + "FROM crm_demo.received_write ORDER BY received_at DESC, idempotency_key LIMIT ? OFFSET ?",
                rs -> new ReceivedWrite(rs.getString("idempotency_key"), rs.getString("object"), rs.getString("crm_id"),
                        fields(rs.getString("fields")), Sql.instant(rs, "received_at"), rs.getInt("duplicates")),
                page.size(), page.offset()), page, sql.count("SELECT count(*) FROM crm_demo.received_write"));
    }

    @Override
    @Transactional
    public Optional<Fault> consumeFault() {
        return sql.one("UPDATE crm_demo.fault SET remaining = remaining - 1 WHERE id = 1 AND remaining > 0 "
                + "RETURNING mode", rs -> Fault.fromJson(rs.getString(1)));
    }

    @Override
    @Transactional
    public void planFaults(int count, Fault fault) {
        sql.update("INSERT INTO crm_demo.fault (id, remaining, mode) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE "
                + "SET remaining = excluded.remaining, mode = excluded.mode", count, fault.jsonName());
    }

    @Override
    @Transactional
    public Map<String, Object> faults() {
        return sql.one("SELECT remaining, mode FROM crm_demo.fault WHERE id = 1", rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("failNext", rs.getInt("remaining"));
            m.put("mode", rs.getString("mode"));
            return m;
        }).orElseGet(() -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("failNext", 0);
            m.put("mode", Fault.REJECT.jsonName());
            return m;
        });
    }

    @Override
    @Transactional
    public boolean isEmpty() {
        return !sql.exists("SELECT EXISTS (SELECT 1 FROM crm_demo.company)");
    }

    private DemoCompany company(ResultSet rs) throws SQLException {
        return new DemoCompany(rs.getString("crm_id"), rs.getString("name"), rs.getString("domain"),
                fields(rs.getString("fields")), rs.getLong("version"), Sql.instant(rs, "updated_at"));
    }

    private DemoPerson person(ResultSet rs) throws SQLException {
        return new DemoPerson(rs.getString("crm_id"), rs.getString("company_crm_id"), rs.getString("email"),
                rs.getString("first_name"), rs.getString("last_name"), fields(rs.getString("fields")),
                rs.getLong("version"), Sql.instant(rs, "updated_at"));
    }

    private Jsonb write(Object value) {
        try {
            return new Jsonb(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fields(String text) {
        try {
            Object plain = JsonBody.toPlain(json.readValue(text, JsonNode.class));
            return plain instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
