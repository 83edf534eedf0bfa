/** Adapters to the partner directory's api: the effective role projection and its change events. */
package io.partnerportal.roles.adapter.partners;
