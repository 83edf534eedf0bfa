/** What connectors and other modules may ask of the CRM sync: applying a CRM change to the portal. */
package io.partnerportal.crm.api;
