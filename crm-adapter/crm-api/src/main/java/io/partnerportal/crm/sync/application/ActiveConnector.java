package io.partnerportal.crm.sync.application;

import io.micronaut.context.annotation.Value;
import io.partnerportal.crm.spi.CrmConnector;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The connector chosen by {@code portal.crm.connector} (default {@code demo}); none when absent. */
@Singleton
public class ActiveConnector {

    private final Optional<CrmConnector> connector;
    private final String configured;

    ActiveConnector(List<CrmConnector> connectors, @Value("${portal.crm.connector:demo}") String configured) {
        this.configured = configured;
        this.connector = connectors.stream().filter(c -> c.system().equals(configured)).findFirst();
    }

    public Optional<CrmConnector> get() {
        return connector;
    }

    /** The configured CRM system's name, whether or not a connector for it is present. */
    public String configured() {
        return configured;
    }
}
