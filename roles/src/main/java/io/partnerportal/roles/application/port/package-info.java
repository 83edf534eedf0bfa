/** Outbound ports of the roles use cases: role, assignment and CRM mapping stores, the partner directory. */
package io.partnerportal.roles.application.port;
