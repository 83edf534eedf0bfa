package io.partnerportal.partners.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.partners.application.port.DemoDataMarker;
import jakarta.inject.Singleton;

import java.time.Instant;

@Singleton
class JdbcDemoDataMarker implements DemoDataMarker {

    private final Sql sql;

    JdbcDemoDataMarker(Sql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional
    public void lock() {
        sql.one("SELECT pg_advisory_xact_lock(hashtext('partners.demo-data'))", rs -> 1);
    }

    @Override
    @Transactional
    public boolean loaded() {
        return sql.exists("SELECT EXISTS (SELECT 1 FROM partners.demo_data)");
    }

    @Override
    @Transactional
    public void markLoaded(Instant at) {
        sql.update("INSERT INTO partners.demo_data (id, loaded_at) VALUES (1, ?) ON CONFLICT (id) DO NOTHING", at);
    }
}
