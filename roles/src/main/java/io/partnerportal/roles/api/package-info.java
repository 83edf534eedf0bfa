/**
 * What other modules may use of partner roles: the roles and the default, a contact's effective role
 * and permissions ({@link io.partnerportal.roles.api.RoleDirectory}), assignments for the CRM sync
 * ({@link io.partnerportal.roles.api.RoleAssignments}) and the CRM role mapping.
 */
package io.partnerportal.roles.api;
