package io.partnerportal.identity.domain;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Hashes passwords with PBKDF2-HMAC-SHA256 and a random salt. The cost is the base-2 logarithm of
 * the iteration count and is stored in each hash, so raising it later still verifies old hashes.
 * Format: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64).
 */
public final class PasswordHasher {

    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    /** Made on first need, not at start: one derivation costs a noticeable part of a second by design. */
    private volatile String dummyHash;

    public PasswordHasher(int cost) {
        if (cost < 1 || cost > 24) {
            throw new IllegalArgumentException("password hashing cost must be between 1 and 24, was " + cost);
        }
        this.iterations = 1 << cost;
    }

    private String dummyHash() {
        String dummy = dummyHash;
        if (dummy == null) {
            dummy = hash("not-a-real-password");
            dummyHash = dummy;
        }
        return dummy;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Constant-time comparison; a null stored hash still costs one derivation so timing reveals nothing. */
    public boolean matches(String password, String stored) {
        String target = stored == null ? dummyHash() : stored;
        String[] parts = target.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = derive(password == null ? "" : password, b64.decode(parts[2]),
                Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual) && stored != null;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        }
    }
}
