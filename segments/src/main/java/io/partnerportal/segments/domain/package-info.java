/**
 * The segments domain: what a segment is and how its condition decides membership. Plain Java
 * only (no framework, no SQL, no JSON library); the application layer feeds it plain-Java JSON
 * trees and typed property values.
 */
package io.partnerportal.segments.domain;
