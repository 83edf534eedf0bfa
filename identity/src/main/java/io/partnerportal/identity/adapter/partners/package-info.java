/** Identity's adapters to the partners module: the directory of contacts and its change events. */
package io.partnerportal.identity.adapter.partners;
