package io.partnerportal.identity.adapter.security;

import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.partnerportal.identity.api.AccessToken;
import io.partnerportal.identity.application.port.TokenIssuer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Issues 15-minute access tokens. */
@Singleton
class JwtTokenIssuer implements TokenIssuer {

    static final Duration LIFETIME = Duration.ofMinutes(15);

    private final JwtTokenGenerator generator;

    JwtTokenIssuer(JwtTokenGenerator generator) {
        this.generator = generator;
    }

    @Override
    public AccessToken issue(String subject, List<String> roles, Map<String, Object> claims) {
        Instant now = Instant.now();
        Map<String, Object> all = new HashMap<>(claims);
        all.put("sub", subject);
        all.put("roles", roles);
        all.put("iat", now.getEpochSecond());
        all.put("nbf", now.minusSeconds(5).getEpochSecond());
        all.put("exp", now.plus(LIFETIME).getEpochSecond());
        String token = generator.generateToken(all)
                .orElseThrow(() -> new IllegalStateException("the JWT generator produced no token"));
        return new AccessToken(token, LIFETIME.toSeconds());
    }
}
