package io.partnerportal.identity.api;

/**
 * A signed access token and how long it lives.
 *
 * @param value     the JWT
 * @param expiresIn seconds until it expires
 */
public record AccessToken(String value, long expiresIn) {
}
