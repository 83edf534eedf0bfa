package io.partnerportal.partners.api;

/** Why a partner or contact changed; recorded in events and in segment membership history. */
public enum ChangeCause {
    ADMIN_EDIT, FORM_SUBMISSION, PROFILE_EDIT, CRM_SYNC, IMPORT, ROLE_CHANGE, INVITE, SYSTEM;

    public String jsonName() {
        return name().toLowerCase();
    }
}
