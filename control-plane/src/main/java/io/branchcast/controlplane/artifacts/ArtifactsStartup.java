package io.branchcast.controlplane.artifacts;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * ArtifactsStartup checks the artifacts configuration when the application starts, so a bad piece policy stops it
 * at once, creates the import directory, and warns about settings that would fail later (an HTTP body limit below max-size, an import directory on
 * another file system). It also provides the {@link PieceLengthPolicy} built from the configuration.
 */
@ApplicationScoped
public class ArtifactsStartup {

    private static final Logger LOG = Logger.getLogger(ArtifactsStartup.class);

    @Produces
    @Singleton
    PieceLengthPolicy pieceLengthPolicy(ArtifactsConfig config) {
        return PieceLengthPolicy.of(config.pieces());
    }

    void check(@Observes StartupEvent event, ArtifactsConfig config, PieceLengthPolicy policy,
               @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> bodyLimit) throws IOException {
        long maxSize = config.maxSize().asLongValue();
        if (bodyLimit.isPresent() && bodyLimit.get().asLongValue() < maxSize) {
            LOG.warnf("quarkus.http.limits.max-body-size (%d bytes) is below branchcast.artifacts.max-size (%d bytes): "
                    + "larger uploads get a bare 413 from the HTTP layer", bodyLimit.get().asLongValue(), maxSize);
        }
        Files.createDirectories(config.importRoot());
        if (!Files.getFileStore(config.importRoot()).equals(Files.getFileStore(config.root()))) {
            LOG.warnf("the import directory %s is not on the artifact volume %s: registrations will fail",
                    config.importRoot(), config.root());
        }
        LOG.infof("artifacts in %s (import from %s), at most %d bytes, pieces %d to %d bytes for about %d pieces",
                config.root(), config.importRoot(), maxSize, policy.min(), policy.max(), policy.targetCount());
    }
}
