package io.partnerportal.identity.adapter.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.partnerportal.identity.application.port.SigningKeyStore;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signs and verifies access tokens with HMAC-SHA256. The key is {@code PORTAL_JWT_SECRET} when set
 * (at least 32 characters), else a random key generated once and kept in the database, so all
 * instances share it. Loaded on first use, after the database is migrated.
 */
@Singleton
@Named("generator")
public class PortalSignature implements SignatureGeneratorConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PortalSignature.class);
    private static final int MIN_SECRET_LENGTH = 32;

    private final String configuredSecret;
    private final SigningKeyStore store;
    private volatile SecretSignature signature;

    public PortalSignature(@Value("${portal.jwt.secret:}") String configuredSecret, SigningKeyStore store) {
        this.configuredSecret = configuredSecret;
        this.store = store;
        if (configuredSecret != null && !configuredSecret.isBlank() && configuredSecret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("PORTAL_JWT_SECRET must be at least " + MIN_SECRET_LENGTH
                    + " characters long; unset it to let the service generate and store a key");
        }
    }

    private SecretSignature signature() {
        SecretSignature s = signature;
        if (s == null) {
            synchronized (this) {
                s = signature;
                if (s == null) {
                    String secret = configuredSecret;
                    if (secret == null || secret.isBlank()) {
                        byte[] random = new byte[48];
                        new SecureRandom().nextBytes(random);
                        secret = store.loadOrCreate(Base64.getEncoder().encodeToString(random));
                        LOG.info("Using the JWT signing key stored in the database (set PORTAL_JWT_SECRET to provide one)");
                    }
                    SecretSignatureConfiguration config = new SecretSignatureConfiguration("generator");
                    config.setSecret(secret);
                    config.setJwsAlgorithm(JWSAlgorithm.HS256);
                    s = new SecretSignature(config);
                    signature = s;
                }
            }
        }
        return s;
    }

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        return signature().sign(claims);
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "Only HS256 is supported";
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return JWSAlgorithm.HS256.equals(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        return signature().verify(jwt);
    }
}
