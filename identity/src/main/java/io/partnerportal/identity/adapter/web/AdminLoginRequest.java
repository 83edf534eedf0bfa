package io.partnerportal.identity.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
record AdminLoginRequest(@NotBlank @Size(max = 200) String username, @NotBlank @Size(max = 1000) String password) {
}
