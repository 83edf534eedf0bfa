package io.partnerportal.crm.sync.adapter.partners;

import io.partnerportal.crm.spi.CrmObject;
import io.partnerportal.crm.sync.application.port.MappingStore;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.spi.PropertyUsage;
import jakarta.inject.Singleton;

import java.util.List;

/** A property the CRM mapping syncs is in use: the catalogue refuses to archive it. */
@Singleton
class MappedPropertyUsage implements PropertyUsage {

    // the store, not the mapping service: the catalogue asks this bean, and the service needs the catalogue
    private final MappingStore mappings;

    MappedPropertyUsage(MappingStore mappings) {
        this.mappings = mappings;
    }

    @Override
    public List<Usage> usagesOf(PropertyLevel level, String key, String optionKey) {
        if (optionKey != null) {
            return List.of();
        }
        CrmObject object = level == PropertyLevel.PARTNER ? CrmObject.COMPANY : CrmObject.PERSON;
        return mappings.get(false).byProperty(object, key).map(m -> List.of(new Usage("crm_mapping", "crm-mapping",
                "CRM field mapping", "synced with " + object.jsonName() + " field " + m.field()))).orElse(List.of());
    }
}
