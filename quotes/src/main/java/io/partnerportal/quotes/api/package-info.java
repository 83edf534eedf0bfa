/** What other modules may ask the quotes context: a contact's quoting capabilities. */
package io.partnerportal.quotes.api;
