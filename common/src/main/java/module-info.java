/**
 * The shared kernel. Plain values every context speaks (actors, paging, validation errors), the
 * problem+json mapping of errors, and a thin JDBC helper. It carries no business rule.
 * It re-exports the framework modules every context uses, so a context's module-info
 * only names what is specific to it.
 */
module io.partnerportal.common {
    requires transitive io.micronaut.micronaut_core;
    requires transitive io.micronaut.micronaut_inject;
    requires transitive io.micronaut.micronaut_context;
    requires transitive io.micronaut.micronaut_aop;
    requires transitive io.micronaut.micronaut_http;
    requires transitive io.micronaut.micronaut_http_server;
    requires transitive io.micronaut.micronaut_router;
    requires transitive io.micronaut.micronaut_json_core;
    requires transitive io.micronaut.serde.micronaut_serde_api;
    requires transitive io.micronaut.data.micronaut_data_model;
    requires transitive io.micronaut.data.micronaut_data_runtime;
    requires transitive io.micronaut.data.micronaut_data_jdbc;
    requires transitive io.micronaut.data.micronaut_data_tx;
    requires transitive io.micronaut.data.micronaut_data_connection;
    requires transitive io.micronaut.validation.micronaut_validation;
    requires transitive io.micronaut.security.micronaut_security;
    requires transitive io.micronaut.security.micronaut_security_annotations;
    requires transitive io.swagger.v3.oas.annotations;
    requires transitive com.fasterxml.jackson.annotation;
    requires transitive jakarta.inject;
    requires transitive jakarta.annotation;
    requires transitive jakarta.validation;
    requires transitive java.sql;
    requires transitive org.postgresql.jdbc;
    requires transitive org.slf4j;
    requires transitive org.reactivestreams;
    requires transitive reactor.core;
    requires com.zaxxer.hikari;
    requires io.micronaut.data.micronaut_data_connection_jdbc;

    exports io.partnerportal.common;
    exports io.partnerportal.common.web;
    exports io.partnerportal.common.jdbc;
}
