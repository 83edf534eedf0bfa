package io.partnerportal.profile.application.port;

/** Where the profile settings (a single row) are kept. */
public interface ProfileSettingsStore {

    /** @param lock hold a row lock until the transaction ends (before an update) */
    ProfileSettings get(boolean lock);

    void save(ProfileSettings settings);
}
