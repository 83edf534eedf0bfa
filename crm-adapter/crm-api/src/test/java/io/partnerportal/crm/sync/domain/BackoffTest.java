package io.partnerportal.crm.sync.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void the_wait_doubles_after_each_failed_attempt_up_to_the_cap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1), 8);
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delayAfter(1_000)).as("no overflow").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void it_gives_up_after_the_last_attempt() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 3);
        assertThat(backoff.mayRetry(2)).isTrue();
        assertThat(backoff.mayRetry(3)).isFalse();
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
