package io.partnerportal.identity.adapter.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.identity.api.AccessToken;

/** The OAuth2 token response shape: the one place the API is not camelCase. */
@Serdeable
record TokenResponse(@JsonProperty("access_token") String accessToken,
                     @JsonProperty("token_type") String tokenType,
                     @JsonProperty("expires_in") long expiresIn) {

    static TokenResponse of(AccessToken token) {
        return new TokenResponse(token.value(), "Bearer", token.expiresIn());
    }
}
