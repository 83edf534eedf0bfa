/** Roles seen from the CRM sync: the CRM role mapping applied to synced people ({@code crm.spi}). */
package io.partnerportal.roles.adapter.crm;
