package io.partnerportal.profile.domain;

/**
 * What the profile needs to know about a catalogue property.
 *
 * @param system      a field of the record itself (name, website): never editable here
 * @param crmSourced  synced from the CRM
 * @param crmWritable the CRM accepts the portal's changes (only then may a CRM property be editable)
 */
public record PropertyFacts(String key, boolean system, boolean crmSourced, boolean crmWritable, boolean archived) {

    /** Whether a profile may let contacts edit this property. */
    public boolean mayBeEditable() {
        return !system && !archived && (!crmSourced || crmWritable);
    }

    /** Why it may not be editable, for the admin. */
    public String whyReadOnly() {
        if (system) {
            return "'" + key + "' is a system property (a field of the partner record) and cannot be edited here";
        }
        if (archived) {
            return "'" + key + "' is archived";
        }
        return "the CRM marks '" + key + "' as not writable, so the portal cannot write it back";
    }
}
