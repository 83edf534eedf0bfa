package io.partnerportal.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Mints access tokens the way the identity module does, signed with the test secret, so a module's
 * tests can call its admin and portal APIs without the login flow. The identity module's own tests
 * (and the app's) prove that real logins produce equivalent tokens.
 */
public final class TestTokens {

    /** The JWT secret of every test context (at least 256 bits for HS256). */
    public static final String SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ";
    public static final String ADMIN_PASSWORD = "admin-test-password";

    private TestTokens() {
    }

    public static String admin() {
        return admin("admin");
    }

    public static String admin(String username) {
        return sign(new JWTClaimsSet.Builder()
                .subject(username)
                .claim("roles", List.of("ADMIN"))
                .claim("kind", "admin"));
    }

    /** A portal token for a contact of a partner, as issued at login. */
    public static String contact(String contactId, String partnerId) {
        return sign(new JWTClaimsSet.Builder()
                .subject(contactId)
                .claim("roles", List.of("CONTACT"))
                .claim("kind", "contact")
                .claim("partnerId", partnerId));
    }

    private static String sign(JWTClaimsSet.Builder claims) {
        Instant now = Instant.now();
        claims.issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(900)));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(SECRET));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
