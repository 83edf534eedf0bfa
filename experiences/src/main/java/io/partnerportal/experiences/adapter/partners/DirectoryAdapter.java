package io.partnerportal.experiences.adapter.partners;

import io.partnerportal.common.Actor;
import io.partnerportal.experiences.application.port.Directory;
import io.partnerportal.experiences.domain.form.PropertySpec;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.ContactRecord;
import io.partnerportal.partners.api.PartnerDirectory;
import io.partnerportal.partners.api.PropertyCatalogue;
import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.PropertyCommands;
import io.partnerportal.partners.api.PropertyOption;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The partner directory through its api: the catalogue, contacts, and writes caused by form submissions. */
@Singleton
class DirectoryAdapter implements Directory {

    private final PropertyCatalogue catalogue;
    private final PartnerDirectory directory;
    private final PropertyCommands commands;

    DirectoryAdapter(PropertyCatalogue catalogue, PartnerDirectory directory, PropertyCommands commands) {
        this.catalogue = catalogue;
        this.directory = directory;
        this.commands = commands;
    }

    @Override
    public Map<String, PropertySpec> catalogue() {
        Map<String, PropertySpec> specs = new LinkedHashMap<>();
        for (PropertyLevel level : PropertyLevel.values()) {
            for (PropertyDefinition d : catalogue.definitions(level)) {
                specs.put(d.qualifiedKey(), new PropertySpec(d.qualifiedKey(), d.type().jsonName(),
                        d.options().stream().map(PropertyOption::key).toList(), d.isSystem(), d.archived()));
            }
        }
        return specs;
    }

    @Override
    public Optional<String> partnerOf(String contactId) {
        return directory.contact(contactId).map(ContactRecord::partnerId);
    }

    @Override
    public void writeSubmission(String partnerId, Map<String, Object> partnerValues, String contactId,
                                Map<String, Object> contactValues, Actor contact) {
        ChangeContext context = new ChangeContext(ChangeCause.FORM_SUBMISSION, contact);
        if (!partnerValues.isEmpty()) {
            commands.setPartnerProperties(partnerId, partnerValues, context);
        }
        if (!contactValues.isEmpty()) {
            commands.setContactProperties(contactId, contactValues, context);
        }
    }
}
