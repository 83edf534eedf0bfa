package io.partnerportal.segments.adapter.partners;

import io.partnerportal.partners.api.PartnerDirectory;
import io.partnerportal.partners.api.PropertyCatalogue;
import io.partnerportal.segments.application.port.Directory;
import io.partnerportal.segments.domain.condition.PropertySpecs;
import io.partnerportal.segments.domain.condition.Values;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Reads the partner directory through its api. */
@Singleton
class PartnerDirectoryAdapter implements Directory {

    private final PartnerDirectory directory;
    private final PropertyCatalogue catalogue;

    PartnerDirectoryAdapter(PartnerDirectory directory, PropertyCatalogue catalogue) {
        this.directory = directory;
        this.catalogue = catalogue;
    }

    @Override
    public List<String> keys(io.partnerportal.segments.domain.condition.Scope scope) {
        var level = scope == io.partnerportal.segments.domain.condition.Scope.PARTNER
                ? io.partnerportal.partners.api.PropertyLevel.PARTNER : io.partnerportal.partners.api.PropertyLevel.CONTACT;
        return catalogue.definitions(level).stream().map(d -> d.key()).toList();
    }

    @Override
    public Optional<Values> partner(String partnerId) {
        return directory.partner(partnerId).map(RecordValues::of);
    }

    @Override
    public Optional<Values> contact(String contactId) {
        return directory.contact(contactId).map(RecordValues::of);
    }

    @Override
    public Optional<String> partnerOf(String contactId) {
        return directory.contact(contactId).map(c -> c.partnerId());
    }

    @Override
    public List<Values> contactsOf(String partnerId) {
        return directory.contactsOf(partnerId).stream().<Values>map(RecordValues::of).toList();
    }

    @Override
    public List<Values> partners(Collection<String> partnerIds) {
        return directory.partners(partnerIds).stream().<Values>map(RecordValues::of).toList();
    }

    @Override
    public List<Values> contacts(Collection<String> contactIds) {
        return directory.contacts(contactIds).stream().<Values>map(RecordValues::of).toList();
    }

    @Override
    public List<Placed> placedContacts(Collection<String> contactIds) {
        return directory.contacts(contactIds).stream().map(c -> new Placed(RecordValues.of(c), c.partnerId())).toList();
    }

    @Override
    public java.util.Map<String, Object> allValues(Values record) {
        if (record instanceof RecordValues r) {
            return r.all().get();
        }
        throw new IllegalArgumentException("not a record of the partner directory: " + record);
    }

    @Override
    public void forEachPartner(Consumer<Values> consumer) {
        directory.forEachPartner(p -> consumer.accept(RecordValues.of(p)));
    }

    @Override
    public void forEachContact(BiConsumer<Values, String> consumer) {
        directory.forEachContact(c -> consumer.accept(RecordValues.of(c), c.partnerId()));
    }

    @Override
    public PropertySpecs catalogue() {
        return new CatalogueSpecs(catalogue);
    }
}
