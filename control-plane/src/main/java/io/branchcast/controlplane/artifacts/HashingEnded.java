package io.branchcast.controlplane.artifacts;

import java.util.UUID;

/**
 * HashingEnded is the CDI event fired when the background hashing of a registered artifact is over and its outcome
 * is committed. {@link ArtifactMetrics} counts them.
 *
 * @param artifactId   the artifact hashed
 * @param state        READY or FAILED; HASHING when a shutdown stopped it (it resumes at the next start)
 * @param hashedBytes  bytes hashed, >= 0
 * @param elapsedNanos time spent hashing
 */
public record HashingEnded(UUID artifactId, ArtifactState state, long hashedBytes, long elapsedNanos) {
}
