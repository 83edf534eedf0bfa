package io.partnerportal.identity.application;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.partnerportal.identity.domain.PasswordHasher;
import jakarta.inject.Singleton;

/** Makes the password hasher with the configured cost ({@code portal.passwords.cost}, low in tests). */
@Factory
class PasswordHashing {

    @Singleton
    PasswordHasher passwordHasher(@Value("${portal.passwords.cost:18}") int cost) {
        return new PasswordHasher(cost);
    }
}
