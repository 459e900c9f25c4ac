package io.branchcast.controlplane.enrollment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * EnrollmentRequest is what a workstation sends on its first start. The token's shape is checked later, so that a
 * malformed token is answered like an unknown one (401), not as a validation error.
 */
public record EnrollmentRequest(
        @NotNull(message = "token is required")
        @Size(max = 100, message = "token is at most 100 characters")
        String token,
        @NotNull(message = "machineId is required")
        @Pattern(regexp = "[A-Za-z0-9-]{8,128}", message = "machineId is 8-128 letters, digits or '-'")
        String machineId,
        @NotNull(message = "hostname is required")
        @Size(max = 253, message = "hostname is at most 253 characters")
        @Pattern(regexp = "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*",
                message = "hostname is dot-separated labels of letters, digits, '_' and inner '-' (at most 63 each)")
        String hostname,
        @NotNull(message = "agentVersion is required")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9.+_-]{0,63}", message = "agentVersion is 1-64 letters, digits or .+_-")
        String agentVersion) {

    /** Never prints the token: requests end up in logs and exception messages. */
    @Override
    public String toString() {
        return "EnrollmentRequest[machineId=" + machineId + ", hostname=" + hostname + ", agentVersion=" + agentVersion + "]";
    }
}
