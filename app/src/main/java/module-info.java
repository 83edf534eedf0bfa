/** The assembly: the application, its configuration and the embedded database for one-command runs. */
module io.partnerportal.app {
    requires io.partnerportal.common;
    requires io.partnerportal.identity;
    requires io.partnerportal.partners;
    requires io.partnerportal.segments;
    requires io.partnerportal.roles;
    requires io.partnerportal.experiences;
    requires io.partnerportal.deals;
    requires io.partnerportal.quotes;
    requires io.partnerportal.profile;
    requires io.partnerportal.notifications;
    requires io.partnerportal.audit;
    requires io.partnerportal.crm.api;
    requires io.partnerportal.crm.demo;
    requires io.micronaut.sql.micronaut_jdbc_hikari;
    requires io.micronaut.sql.micronaut_jdbc;
    requires com.zaxxer.hikari;
    requires embedded.postgres;
    requires liquibase.core;
    requires java.sql;
    requires jul.to.slf4j;
    requires io.micronaut.micronaut_management;
    requires io.micronaut.micronaut_context_propagation;
    requires io.micronaut.micronaut_discovery_core;
}
