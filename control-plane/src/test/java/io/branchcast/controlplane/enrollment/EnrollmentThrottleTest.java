package io.branchcast.controlplane.enrollment;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class EnrollmentThrottleTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(5 * SECOND);

    @Test
    void an_address_gets_its_burst_then_waits_for_tokens_to_come_back() {
        EnrollmentThrottle throttle = new EnrollmentThrottle(3, 0.5, 100, now::get);

        for (int i = 0; i < 3; i++) {
            assertThat(throttle.admit("198.51.100.7")).isZero();
        }
        assertThat(throttle.admit("198.51.100.7")).as("seconds until one token is back at 0.5/s").isEqualTo(2);
        now.addAndGet(SECOND);
        assertThat(throttle.admit("198.51.100.7")).isEqualTo(1);
        now.addAndGet(SECOND);
        assertThat(throttle.admit("198.51.100.7")).isZero();
        assertThat(throttle.admit("198.51.100.7")).isEqualTo(2);
    }

    @Test
    void addresses_have_buckets_of_their_own() {
        EnrollmentThrottle throttle = new EnrollmentThrottle(1, 1, 100, now::get);

        assertThat(throttle.admit("198.51.100.7")).isZero();
        assertThat(throttle.admit("198.51.100.7")).isEqualTo(1);
        assertThat(throttle.admit("2001:db8::1")).isZero();
    }

    @Test
    void at_the_address_limit_refilled_addresses_are_forgotten_and_flooding_ones_kept() {
        EnrollmentThrottle throttle = new EnrollmentThrottle(1, 1, 2, now::get);
        throttle.admit("198.51.100.1");
        throttle.admit("198.51.100.2");

        assertThat(throttle.admit("198.51.100.3")).as("both tracked buckets are empty: untracked, admitted").isZero();
        assertThat(throttle.admit("198.51.100.3")).isZero();
        assertThat(throttle.admit("198.51.100.1")).as("still throttled").isEqualTo(1);

        now.addAndGet(2 * SECOND);
        assertThat(throttle.admit("198.51.100.3")).as("refilled buckets were forgotten for it").isZero();
        assertThat(throttle.admit("198.51.100.3")).isEqualTo(1);
    }

    @Test
    void at_the_address_limit_the_bucket_that_refilled_is_forgotten_even_if_it_was_not_the_first_one_seen() {
        EnrollmentThrottle throttle = new EnrollmentThrottle(3, 1, 2, now::get);
        for (int i = 0; i < 3; i++) {
            throttle.admit("198.51.100.1");
        }
        now.addAndGet(SECOND);
        throttle.admit("198.51.100.2");

        now.addAndGet(3 * SECOND / 2);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.admit("198.51.100.3")).as("tracked in place of .2, which is full again").isZero();
        }
        assertThat(throttle.admit("198.51.100.3")).as("a tracked bucket runs dry").isEqualTo(1);
        assertThat(throttle.admit("198.51.100.1")).isZero();
        assertThat(throttle.admit("198.51.100.1")).as(".1 kept its bucket: 2.5 tokens, not a fresh 3").isZero();
        assertThat(throttle.admit("198.51.100.1")).isEqualTo(1);
    }
}
