package io.partnerportal.identity.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void a_hash_verifies_its_password_only() {
        String hash = hasher.hash("correct horse battery");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
        assertThat(hasher.matches(null, hash)).isFalse();
    }

    @Test
    void hashes_are_salted() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void a_missing_or_foreign_hash_never_matches() {
        assertThat(hasher.matches("not-a-real-password", null)).isFalse();
        assertThat(hasher.matches("x", "md5$abc")).isFalse();
    }

    @Test
    void hashes_made_with_another_cost_still_verify() {
        String old = new PasswordHasher(6).hash("rotate me please");
        assertThat(hasher.matches("rotate me please", old)).isTrue();
        assertThat(old).startsWith("pbkdf2-sha256$64$");
    }

    @Test
    void the_cost_is_bounded() {
        assertThatThrownBy(() -> new PasswordHasher(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher(25)).isInstanceOf(IllegalArgumentException.class);
    }
}
