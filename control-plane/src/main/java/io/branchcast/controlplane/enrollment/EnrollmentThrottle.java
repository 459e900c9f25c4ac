package io.branchcast.controlplane.enrollment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * EnrollmentThrottle limits how fast one client address may call the enrollment endpoint, the one endpoint open to
 * anyone: a token bucket per address ({@link EnrollmentThrottleConfig}). Enrollment tokens are too long to guess, so
 * this is about load: every request costs a token lookup, and a valid one Keycloak and Kafka administration. A
 * throttled address is logged once per episode, not once per request. Memory is bounded by the configured number of
 * addresses; when that many are tracked, the one whose bucket refilled first is forgotten, and if none has refilled,
 * the new address goes unthrottled (logged) rather than evicting a flooding one. Buckets are kept ordered by the time
 * they will be full again, so that check costs O(log n) however many addresses an attacker brings (a scan of all of
 * them per new address cost ~1-2 ms at the default limit).
 */
@ApplicationScoped
public class EnrollmentThrottle {

    private static final Logger LOG = Logger.getLogger(EnrollmentThrottle.class);

    private final int burst;
    private final double perNano;
    private final int maxAddresses;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new HashMap<>();
    /** The same buckets, the first to be full again first. */
    private final TreeSet<Bucket> byFullAt = new TreeSet<>(
            Comparator.comparingLong((Bucket bucket) -> bucket.fullAt).thenComparingLong(bucket -> bucket.serial));
    private long nextSerial;

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
            if (buckets.size() >= maxAddresses && !forgetOneRefilled(now)) {
                LOG.warnf("enrollment throttle tracks %d addresses; %s is not throttled", maxAddresses, address);
                return 0;
            }
            bucket = new Bucket(address, burst, now, nextSerial++);
            buckets.put(address, bucket);
        } else {
            byFullAt.remove(bucket);
        }
        long waitSeconds = take(bucket, now);
        bucket.fullAt = bucket.refilledAt + (long) Math.ceil((burst - bucket.tokens) / perNano);
        byFullAt.add(bucket);
        return waitSeconds;
    }

    private long take(Bucket bucket, long now) {
        bucket.refill(now, burst, perNano);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            bucket.warned = false;
            return 0;
        }
        if (!bucket.warned) {
            bucket.warned = true;
            LOG.warnf("enrollment requests from %s exceed %d at once and %s per second; refusing with 429",
                    bucket.address, burst, perNano * 1e9);
        }
        return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9));
    }

    /** Forgets the bucket that refilled first, if one has; false if every tracked bucket is still short of tokens. */
    private boolean forgetOneRefilled(long now) {
        Bucket first = byFullAt.first();
        if (first.fullAt > now) {
            return false;
        }
        byFullAt.pollFirst();
        buckets.remove(first.address);
        return true;
    }

    /** One address's tokens as of its last refill. */
    private static final class Bucket {
        final String address;
        /** Breaks ties between buckets full at the same time. */
        final long serial;
        double tokens;
        long refilledAt;
        /** When the bucket holds its burst again, as of its last request; its key in byFullAt. */
        long fullAt;
        boolean warned;

        Bucket(String address, double tokens, long now, long serial) {
            this.address = address;
            this.serial = serial;
            this.tokens = tokens;
            this.refilledAt = now;
        }

        void refill(long now, int burst, double perNano) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
        }
    }
}
