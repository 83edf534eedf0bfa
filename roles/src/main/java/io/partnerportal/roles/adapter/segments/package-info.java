/** Roles as seen by segments: the {@code GatedItems} of the access explanation. */
package io.partnerportal.roles.adapter.segments;
