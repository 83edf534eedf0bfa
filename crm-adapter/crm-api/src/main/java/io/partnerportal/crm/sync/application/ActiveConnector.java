package io.partnerportal.crm.sync.application;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.partnerportal.crm.spi.CrmConnector;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The connector chosen by {@code portal.crm.connector} (default {@code demo}); none when absent. Looked up
 * on first use: a connector raises changes to the sync engine, which needs the connector back.
 */
@Singleton
public class ActiveConnector {

    private final BeanProvider<CrmConnector> connectors;
    private final String configured;
    private volatile Optional<CrmConnector> connector;

    ActiveConnector(BeanProvider<CrmConnector> connectors, @Value("${portal.crm.connector:demo}") String configured) {
        this.connectors = connectors;
        this.configured = configured;
    }

    public Optional<CrmConnector> get() {
        Optional<CrmConnector> found = connector;
        if (found == null) {
            found = connectors.stream().filter(c -> c.system().equals(configured)).findFirst();
            connector = found;
        }
        return found;
    }

    /** The configured CRM system's name, whether or not a connector for it is present. */
    public String configured() {
        return configured;
    }
}
