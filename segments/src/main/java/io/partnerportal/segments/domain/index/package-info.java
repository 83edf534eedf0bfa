/**
 * In-memory access index: dense ids and membership bitsets, so an access decision is a few word
 * operations without a database round trip. Plain Java; the application keeps it in step with the
 * database.
 */
package io.partnerportal.segments.domain.index;
