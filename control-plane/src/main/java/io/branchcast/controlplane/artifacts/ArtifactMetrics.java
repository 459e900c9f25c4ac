package io.branchcast.controlplane.artifacts;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** ArtifactMetrics counts uploads and background hashings by outcome, with their bytes and hashing time, for Prometheus. */
@ApplicationScoped
public class ArtifactMetrics {

    @Inject
    MeterRegistry registry;

    void onUploadEnded(@Observes UploadEnded event) {
        registry.counter("branchcast.artifacts.uploads", "outcome", event.outcome().name().toLowerCase(Locale.ROOT))
                .increment();
        registry.counter("branchcast.artifacts.upload.bytes").increment(event.bytesReceived());
    }

    void onHashingEnded(@Observes HashingEnded event) {
        registry.timer("branchcast.artifacts.hashing", "state", event.state().name().toLowerCase(Locale.ROOT))
                .record(event.elapsedNanos(), TimeUnit.NANOSECONDS);
        registry.counter("branchcast.artifacts.hashed.bytes").increment(event.hashedBytes());
    }
}
