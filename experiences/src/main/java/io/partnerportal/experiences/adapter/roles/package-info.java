/** Adapters to roles: effective roles for tab visibility, and the {@code RoleUsage} of tab role lists. */
package io.partnerportal.experiences.adapter.roles;
