package io.branchcast.controlplane.artifacts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * ArtifactEventsProbe records the upload and hashing events of the application under test, so a test can wait for
 * background work to finish (an aborted upload's cleanup, a registration's hashing) instead of sleeping.
 */
@ApplicationScoped
public class ArtifactEventsProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BlockingQueue<UploadEnded> uploads = new LinkedBlockingQueue<>();
    private final BlockingQueue<HashingEnded> hashings = new LinkedBlockingQueue<>();

    void onUpload(@Observes UploadEnded event) {
        uploads.add(event);
    }

    void onHashing(@Observes HashingEnded event) {
        hashings.add(event);
    }

    public void clear() {
        uploads.clear();
        hashings.clear();
    }

    public UploadEnded nextUpload() {
        return next(uploads, "an upload to end");
    }

    public HashingEnded nextHashing() {
        return next(hashings, "a hashing to end");
    }

    private static <T> T next(BlockingQueue<T> queue, String what) {
        try {
            T event = queue.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                fail("waited " + TIMEOUT + " for " + what);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
