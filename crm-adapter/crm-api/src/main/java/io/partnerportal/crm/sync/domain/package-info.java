/**
 * The sync's rules in plain Java: the field mapping CRM ⇄ portal, value conversion both ways, the
 * outbox entry of a write-back and its retry schedule (exponential backoff).
 */
package io.partnerportal.crm.sync.domain;
