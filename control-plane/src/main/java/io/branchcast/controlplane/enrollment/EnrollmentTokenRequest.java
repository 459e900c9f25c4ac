package io.branchcast.controlplane.enrollment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** EnrollmentTokenRequest is the body of an enrollment token creation; labels are given to every agent enrolled with it. */
public record EnrollmentTokenRequest(
        @NotNull(message = "siteId is required")
        UUID siteId,
        @NotNull(message = "expiresInSeconds is required")
        @Min(value = 1, message = "expiresInSeconds must be at least 1")
        @Max(value = EnrollmentTokenRequest.MAX_LIFETIME_SECONDS, message = "expiresInSeconds is at most 2592000 (30 days)")
        Long expiresInSeconds,
        @NotNull(message = "maxUses is required")
        @Min(value = 1, message = "maxUses must be at least 1")
        @Max(value = EnrollmentTokenRequest.MAX_USES, message = "maxUses is at most 10000")
        Integer maxUses,
        @Size(max = 32, message = "at most 32 labels")
        List<@NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,62}", message = "a label is 1-63 letters, digits or ._:/-") String> labels) {

    public static final long MAX_LIFETIME_SECONDS = 2_592_000;
    public static final int MAX_USES = 10_000;

    public EnrollmentTokenRequest {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
