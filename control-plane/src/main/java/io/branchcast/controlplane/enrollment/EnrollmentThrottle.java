package io.branchcast.controlplane.enrollment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * EnrollmentThrottle limits how fast one client address may call the enrollment endpoint, the one endpoint open to
 * anyone: a token bucket per address ({@link EnrollmentThrottleConfig}). Enrollment tokens are too long to guess, so
 * this is about load: every request costs a token lookup, and a valid one Keycloak and Kafka administration. A
 * throttled address is logged once per episode, not once per request. Memory is bounded by the configured number of
 * addresses; when that many are tracked, those whose bucket has refilled are forgotten, and if none has, the new
 * address goes unthrottled (logged) rather than evicting a flooding one.
 */
@ApplicationScoped
public class EnrollmentThrottle {

    private static final Logger LOG = Logger.getLogger(EnrollmentThrottle.class);

    private final int burst;
    private final double perNano;
    private final int maxAddresses;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new HashMap<>();

    @Inject
    EnrollmentThrottle(EnrollmentThrottleConfig config) {
        this(config.burst(), config.perSecond(), config.maxAddresses(), System::nanoTime);
    }

    EnrollmentThrottle(int burst, double perSecond, int maxAddresses, LongSupplier nanoTime) {
        if (burst < 1 || perSecond <= 0 || maxAddresses < 1) {
            throw new IllegalArgumentException("branchcast.enrollment.throttle: burst, per-second and max-addresses"
                    + " must be positive");
        }
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.maxAddresses = maxAddresses;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the address's bucket: 0 when admitted, else the whole seconds until one is. */
    public synchronized long admit(String address) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(address);
        if (bucket == null) {
            if (buckets.size() >= maxAddresses && !forgetRefilled(now)) {
                LOG.warnf("enrollment throttle tracks %d addresses; %s is not throttled", maxAddresses, address);
                return 0;
            }
            bucket = new Bucket(burst, now);
            buckets.put(address, bucket);
        }
        bucket.refill(now, burst, perNano);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            bucket.warned = false;
            return 0;
        }
        if (!bucket.warned) {
            bucket.warned = true;
            LOG.warnf("enrollment requests from %s exceed %d at once and %s per second; refusing with 429",
                    address, burst, perNano * 1e9);
        }
        return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9));
    }

    private boolean forgetRefilled(long now) {
        buckets.values().removeIf(bucket -> {
            bucket.refill(now, burst, perNano);
            return bucket.tokens >= burst;
        });
        return buckets.size() < maxAddresses;
    }

    /** One address's tokens as of its last refill. */
    private static final class Bucket {
        double tokens;
        long refilledAt;
        boolean warned;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        void refill(long now, int burst, double perNano) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
        }
    }
}
