/**
 * Identity: admin users, contact credentials, invite and login-link tokens, the JWT signing key.
 * Other modules learn who is calling through its api.
 */
module io.partnerportal.identity {
    requires io.partnerportal.common;
    requires io.partnerportal.partners;
    requires io.micronaut.security.micronaut_security_jwt;
    requires com.nimbusds.jose.jwt;

    exports io.partnerportal.identity.api;
}
