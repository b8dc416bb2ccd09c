package gr.solidarity.ledger.app.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    static final Duration WINDOW = Duration.ofMinutes(15);

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-03T08:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(3, 10, WINDOW, clock);

    @Test
    void aNameIsHeldBackFromOneAddressAfterTooManyFailuresUntilTheOldestLeavesTheWindow() {
        fail("maria", "10.0.0.1", 3);
        assertThat(throttle.retryAfter("maria", "10.0.0.1")).isEqualTo(WINDOW);
        assertThat(throttle.retryAfter("MARIA", "10.0.0.1")).as("names are compared ignoring case").isEqualTo(WINDOW);
        assertThat(throttle.retryAfter("maria", "10.0.0.2")).as("the real user elsewhere").isZero();
        assertThat(throttle.retryAfter("nikos", "10.0.0.1")).isZero();

        clock.advance(WINDOW.minusMinutes(1));
        assertThat(throttle.retryAfter("maria", "10.0.0.1")).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.retryAfter("maria", "10.0.0.1")).isZero();
    }

    @Test
    void aSuccessForgetsTheNamesFailures() {
        fail("maria", "10.0.0.1", 2);
        throttle.succeeded("maria", "10.0.0.1");
        fail("maria", "10.0.0.1", 2);
        assertThat(throttle.retryAfter("maria", "10.0.0.1")).isZero();
    }

    @Test
    void manyNamesFromOneAddressAreHeldBackTooAndASuccessDoesNotResetThat() {
        for (int i = 0; i < 10; i++) {
            fail("name-" + i, "10.0.0.9", 1);
        }
        throttle.succeeded("attackers-own-account", "10.0.0.9");
        assertThat(throttle.retryAfter("anyone", "10.0.0.9")).isEqualTo(WINDOW);
        assertThat(throttle.retryAfter("anyone", "10.0.0.8")).isZero();
    }

    private void fail(String name, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(name, address);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
