/**
 * What a CRM vendor module implements ({@link io.partnerportal.crm.spi.CrmConnector}) and what other
 * modules may plug into the sync ({@link io.partnerportal.crm.spi.CrmRoleMapping}, implemented by roles).
 */
package io.partnerportal.crm.spi;
