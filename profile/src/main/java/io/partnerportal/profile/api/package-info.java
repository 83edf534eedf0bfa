/** What other modules may ask the profile context: may a contact edit its partner's profile. */
package io.partnerportal.profile.api;
