package io.partnerportal.roles.api;

import io.partnerportal.common.Actor;

/**
 * Assigns roles to contacts (the CRM sync uses it with the CRM role mapping). The effective role is
 * written to {@code contact.role} in the caller's transaction, so segments on the role re-evaluate
 * before it commits.
 */
public interface RoleAssignments {

    /**
     * @throws io.partnerportal.common.NotFoundException      for an unknown contact
     * @throws io.partnerportal.common.InvalidInputException for an unknown role key
     */
    ContactRole assign(String contactId, String roleKey, Actor actor);

    /** Removes the contact's assignment: it gets the default role. */
    ContactRole revertToDefault(String contactId, Actor actor);
}
