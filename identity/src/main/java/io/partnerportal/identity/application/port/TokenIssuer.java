package io.partnerportal.identity.application.port;

import io.partnerportal.identity.api.AccessToken;

import java.util.List;
import java.util.Map;

/** Signs access tokens. */
public interface TokenIssuer {

    /**
     * @param subject the admin username or the contact id
     * @param roles   the roles the token grants
     * @param claims  further claims ({@code kind}, {@code partnerId})
     */
    AccessToken issue(String subject, List<String> roles, Map<String, Object> claims);
}
