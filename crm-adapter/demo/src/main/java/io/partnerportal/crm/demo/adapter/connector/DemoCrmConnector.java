package io.partnerportal.crm.demo.adapter.connector;

import io.micronaut.context.annotation.Requires;
import io.partnerportal.crm.demo.application.DemoCrm;
import io.partnerportal.crm.demo.domain.Fault;
import io.partnerportal.crm.spi.CrmConnector;
import io.partnerportal.crm.spi.CrmDeliveryException;
import io.partnerportal.crm.spi.CrmObject;
import io.partnerportal.crm.spi.CrmRecord;
import io.partnerportal.crm.spi.WriteBack;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The demo CRM as the sync's connector ({@code portal.crm.connector=demo}, the default). A delivery
 * first takes a planned failure, if any: {@code reject} fails before anything is applied;
 * {@code lose_response} applies the write and then fails, as a timeout would.
 */
@Singleton
@Requires(property = "portal.crm.connector", value = DemoCrm.SYSTEM, defaultValue = DemoCrm.SYSTEM)
class DemoCrmConnector implements CrmConnector {

    private final DemoCrm crm;

    DemoCrmConnector(DemoCrm crm) {
        this.crm = crm;
    }

    @Override
    public String system() {
        return DemoCrm.SYSTEM;
    }

    @Override
    public void forEachRecord(CrmObject object, Consumer<CrmRecord> consumer) {
        crm.forEachRecord(object, consumer);
    }

    @Override
    public void deliver(WriteBack writeBack) {
        Optional<Fault> fault = crm.consumeFault();
        if (fault.isPresent() && fault.get() == Fault.REJECT) {
            throw new CrmDeliveryException("demo CRM: injected failure (HTTP 503 Service Unavailable)", true);
        }
        crm.receive(writeBack);
        if (fault.isPresent()) {
            throw new CrmDeliveryException("demo CRM: injected lost answer (timeout after the write was applied)",
                    true);
        }
    }
}
