package io.partnerportal.profile.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConfigurationChanged;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.StaleVersionException;
import io.partnerportal.common.UnknownMembers;
import io.partnerportal.profile.application.port.Catalogue;
import io.partnerportal.profile.application.port.ProfileSettings;
import io.partnerportal.profile.application.port.ProfileSettingsStore;
import io.partnerportal.profile.domain.ProfileLayout;
import io.partnerportal.segments.api.Audience;
import io.partnerportal.segments.api.SegmentDirectory;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and replaces the profile settings: the ordered properties shown (each read-only or editable,
 * checked against the catalogue) and the edit audience. A replacement carries the version it replaces
 * (stale → 412) and is recorded in the audit log.
 */
@Singleton
public class ProfileSettingsService {

    private static final Set<String> FIELDS = Set.of("properties", "editAudience", "version", "updatedAt");

    private final ProfileSettingsStore store;
    private final Catalogue catalogue;
    private final SegmentDirectory segments;
    private final ApplicationEventPublisher<ConfigurationChanged> audit;

    ProfileSettingsService(ProfileSettingsStore store, Catalogue catalogue, SegmentDirectory segments,
                           ApplicationEventPublisher<ConfigurationChanged> audit) {
        this.store = store;
        this.catalogue = catalogue;
        this.segments = segments;
        this.audit = audit;
    }

    @Transactional
    public ProfileSettings get() {
        return store.get(false);
    }

    @Transactional
    public ProfileSettings replace(Map<String, Object> body, Actor actor) {
        List<FieldError> errors = new ArrayList<>(UnknownMembers.of(body.keySet(), FIELDS, "",
                member -> "'" + member + "' is not a profile setting (properties, editAudience, version)"));
        ProfileLayout layout = ProfileLayout.parse(body.get("properties"), catalogue.partnerProperties(), errors);
        Audience audience = null;
        try {
            audience = Audience.fromJson(body.get("editAudience"), "/editAudience");
            segments.requireValid(audience, "/editAudience");
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        Long version = null;
        Object rawVersion = body.get("version");
        if (rawVersion instanceof BigDecimal v && v.signum() >= 0 && v.stripTrailingZeros().scale() <= 0) {
            version = v.longValue();
        } else {
            errors.add(FieldError.at("/version", rawVersion == null ? "required" : "wrong_value_type",
                    "version (a whole number, from GET) is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ProfileSettings current = store.get(true);
        if (current.version() != version) {
            throw new StaleVersionException("The profile settings", version, current.version());
        }
        ProfileSettings next = new ProfileSettings(layout, audience, current.version() + 1,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        store.save(next);
        audit.publishEvent(new ConfigurationChanged("profile_settings", "profile-settings", "Partner profile",
                "updated", current.snapshot(), next.snapshot(), actor, next.updatedAt()));
        return next;
    }
}
