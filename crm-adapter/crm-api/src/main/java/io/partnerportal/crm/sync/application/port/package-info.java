/** What the sync needs from outside: the outbox and mapping tables, a cluster-wide lock. */
package io.partnerportal.crm.sync.application.port;
