package io.branchcast.controlplane.artifacts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * RegistrationRequest is the body of a registration: an artifact name and version for a file already in the import
 * directory, named by its path relative to that directory.
 */
public record RegistrationRequest(
        @ArtifactName String name,
        @ArtifactVersion String version,
        @NotBlank(message = "path is required (relative to the import directory)")
        @Size(max = 1000, message = "path is at most 1000 characters")
        String path) {

    public ArtifactCoordinates coordinates() {
        return new ArtifactCoordinates(name, version);
    }
}
