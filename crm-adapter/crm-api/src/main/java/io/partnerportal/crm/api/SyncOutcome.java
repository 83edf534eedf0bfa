package io.partnerportal.crm.api;

import java.util.List;

/**
 * What the sync did with one CRM record.
 *
 * @param partnerOrContactId the linked portal record, null when unlinked
 * @param changed            the portal properties whose value changed
 * @param problems           fields that could not be applied (unknown property, a value of the wrong type),
 *                           each skipped while the others were applied
 */
public record SyncOutcome(Status status, String partnerOrContactId, List<String> changed, List<String> problems) {

    public SyncOutcome {
        changed = List.copyOf(changed);
        problems = List.copyOf(problems);
    }

    public enum Status {
        /** At least one property changed. */
        UPDATED,
        /** The portal already had these values. */
        UNCHANGED,
        /** No partner or contact carries this CRM id. */
        UNLINKED,
        /** Nothing could be applied. */
        FAILED;

        public String jsonName() {
            return name().toLowerCase();
        }
    }
}
