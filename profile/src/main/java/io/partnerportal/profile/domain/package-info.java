/**
 * The partner profile's rules in plain Java: which properties are shown, each read-only or editable,
 * and which of them may be editable at all (never a system property, never a CRM property the CRM
 * does not let the portal write).
 */
package io.partnerportal.profile.domain;
