package io.branchcast.controlplane.artifacts;

import io.branchcast.controlplane.api.ApiException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/** ArtifactCoordinates are the name and version that identify an upload, taken from query parameters or headers. */
public record ArtifactCoordinates(@ArtifactName String name, @ArtifactVersion String version) {

    /** Longest file name in a BitTorrent info dictionary, in UTF-8 bytes. */
    private static final int MAX_NAME_BYTES = 255;

    /** Either source may carry each value; when both do, they must agree. */
    static ArtifactCoordinates of(String queryName, String headerName, String queryVersion, String headerVersion) {
        return new ArtifactCoordinates(pick("name", queryName, headerName), pick("version", queryVersion, headerVersion));
    }

    /** Checks the constraints (422 with field errors) and that the name fits a BitTorrent file name (255 UTF-8 bytes). */
    ArtifactCoordinates validated(Validator validator) {
        Set<ConstraintViolation<ArtifactCoordinates>> violations = validator.validate(this);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw ApiException.invalid("name is longer than " + MAX_NAME_BYTES + " bytes in UTF-8");
        }
        return this;
    }

    private static String pick(String field, String query, String header) {
        if (query != null && header != null && !query.equals(header)) {
            throw ApiException.invalid("the " + field + " query parameter and the X-Artifact-"
                    + Character.toUpperCase(field.charAt(0)) + field.substring(1) + " header disagree");
        }
        return query != null ? query : header;
    }
}
