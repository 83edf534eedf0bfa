/** Outbound ports of the experiences use cases: stores, segments, roles, the partner directory. */
package io.partnerportal.experiences.application.port;
