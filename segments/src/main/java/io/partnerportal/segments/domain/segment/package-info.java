/** Segments as admins define them: definitions, permissions, membership changes and their causes. */
package io.partnerportal.segments.domain.segment;
