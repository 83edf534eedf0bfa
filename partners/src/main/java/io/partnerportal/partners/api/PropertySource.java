package io.partnerportal.partners.api;

/** Where a property's values come from. */
public enum PropertySource {
    /** Synced from the CRM; portal changes are written back when the CRM allows it. */
    CRM,
    /** Kept by the portal itself (tier, onboarding phase, certified, ...). */
    PORTAL,
    /** A model field exposed read-only to conditions (name, email, created_at, the effective role). */
    SYSTEM
}
