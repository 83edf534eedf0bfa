package io.partnerportal.profile.adapter.partners;

import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.spi.PropertyUsage;
import io.partnerportal.profile.application.port.ProfileSettingsStore;
import jakarta.inject.Singleton;

import java.util.List;

/** A property shown on the partner profile is in use: the catalogue refuses to archive it. */
@Singleton
class ProfilePropertyUsage implements PropertyUsage {

    // the store, not the settings service: the catalogue asks this bean, and the service needs the catalogue
    private final ProfileSettingsStore settings;

    ProfilePropertyUsage(ProfileSettingsStore settings) {
        this.settings = settings;
    }

    @Override
    public List<Usage> usagesOf(PropertyLevel level, String key, String optionKey) {
        if (level != PropertyLevel.PARTNER || optionKey != null) {
            return List.of();
        }
        return settings.get(false).layout().find(key).map(p -> List.of(new Usage("profile_settings", "profile-settings",
                "Partner profile", "shown as " + p.mode().jsonName()))).orElse(List.of());
    }
}
