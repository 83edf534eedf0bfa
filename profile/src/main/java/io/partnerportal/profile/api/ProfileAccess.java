package io.partnerportal.profile.api;

/** For the portal's navigation and other modules: whether the profile's edit audience admits a contact. */
public interface ProfileAccess {

    boolean mayEdit(String contactId);
}
