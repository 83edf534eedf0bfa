package io.partnerportal.profile.application;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.ForbiddenException;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.UnknownMembers;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.ContactRecord;
import io.partnerportal.partners.api.PartnerDirectory;
import io.partnerportal.partners.api.PartnerRecord;
import io.partnerportal.partners.api.PropertyCommands;
import io.partnerportal.profile.api.ProfileAccess;
import io.partnerportal.profile.application.port.Catalogue;
import io.partnerportal.profile.application.port.ProfileSettings;
import io.partnerportal.profile.application.port.ProfileSettingsStore;
import io.partnerportal.profile.domain.ProfileProperty;
import io.partnerportal.profile.domain.PropertyFacts;
import io.partnerportal.segments.api.SegmentAccess;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The partner profile in the portal: every contact of a partner sees the configured properties of its
 * own partner; contacts the edit audience admits may change the editable ones. An accepted edit goes
 * through {@link PropertyCommands} (cause profile edit, the contact as actor), so segments re-evaluate
 * in the same transaction and the CRM write-back is queued with it.
 */
@Singleton
public class PartnerProfiles implements ProfileAccess {

    private final ProfileSettingsStore settings;
    private final Catalogue catalogue;
    private final PartnerDirectory directory;
    private final PropertyCommands commands;
    private final SegmentAccess access;

    PartnerProfiles(ProfileSettingsStore settings, Catalogue catalogue, PartnerDirectory directory,
                    PropertyCommands commands, SegmentAccess access) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.directory = directory;
        this.commands = commands;
        this.access = access;
    }

    /** The profile as one contact sees it. */
    public record Profile(String partnerId, String partnerName, boolean canEdit, List<Field> properties) {
    }

    /**
     * @param value    the typed value as JSON (dates as ISO strings), null when unset
     * @param editable whether this contact may change it
     */
    public record Field(String key, String label, String type, List<Map<String, String>> options, Object value,
                        boolean editable) {
    }

    @Transactional
    public Profile view(String contactId, String partnerId) {
        return view(contactId, partner(partnerId), settings.get(false));
    }

    /** Whether the edit audience admits the contact (editable properties aside). */
    @Override
    @Transactional
    public boolean mayEdit(String contactId) {
        return access.isAdmitted(contactId, settings.get(false).editAudience());
    }

    @Transactional
    public Profile edit(String contactId, String partnerId, Map<String, Object> body) {
        ProfileSettings current = settings.get(false);
        if (!access.isAdmitted(contactId, current.editAudience())) {
            throw new ForbiddenException("Editing the partner profile is restricted: you can view it but not change it.");
        }
        List<FieldError> errors = new ArrayList<>(UnknownMembers.of(body.keySet(), Set.of("properties"), "",
                member -> "'" + member + "' is not a field of a profile edit (properties)"));
        Object raw = body.get("properties");
        Map<String, Object> values = new LinkedHashMap<>();
        if (!(raw instanceof Map<?, ?> map)) {
            errors.add(FieldError.at("/properties", raw == null ? "required" : "wrong_value_type",
                    "properties is an object of property keys and values"));
        } else {
            Map<String, PropertyFacts> facts = catalogue.partnerProperties();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String pointer = JsonPointer.of("properties", key);
                if (current.layout().find(key).isEmpty()) {
                    errors.add(FieldError.at(pointer, "not_in_profile", "'" + key + "' is not a property of the "
                            + "profile"));
                } else if (!current.layout().isEditable(key, facts)) {
                    errors.add(FieldError.at(pointer, "read_only", "'" + key + "' is read-only"));
                } else {
                    values.put(key, e.getValue());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!values.isEmpty()) {
            ContactRecord contact = directory.contact(contactId)
                    .orElseThrow(() -> NotFoundException.of("Contact", contactId));
            commands.setPartnerProperties(partnerId, values, new ChangeContext(ChangeCause.PROFILE_EDIT,
                    Actor.contact(contactId, contact.email())));
        }
        return view(contactId, partner(partnerId), current);
    }

    private Profile view(String contactId, PartnerRecord partner, ProfileSettings current) {
        boolean admitted = access.isAdmitted(contactId, current.editAudience());
        Map<String, PropertyFacts> facts = catalogue.partnerProperties();
        Map<String, Catalogue.Display> displays = catalogue.displays();
        List<Field> fields = new ArrayList<>();
        for (ProfileProperty p : current.layout().properties()) {
            Catalogue.Display display = displays.get(p.key());
            PropertyFacts fact = facts.get(p.key());
            if (display == null || fact == null || fact.archived()) {
                continue;
            }
            fields.add(new Field(p.key(), display.label(), display.type(), display.options(), json(partner.value(p.key())),
                    admitted && current.layout().isEditable(p.key(), facts)));
        }
        return new Profile(partner.id(), partner.name(), fields.stream().anyMatch(Field::editable), fields);
    }

    private PartnerRecord partner(String partnerId) {
        return directory.partner(partnerId).orElseThrow(() -> NotFoundException.of("Partner", partnerId));
    }

    private static Object json(Object value) {
        return value instanceof LocalDate || value instanceof Instant ? value.toString() : value;
    }
}
