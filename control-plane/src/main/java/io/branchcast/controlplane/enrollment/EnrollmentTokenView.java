package io.branchcast.controlplane.enrollment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * EnrollmentTokenView is an enrollment token as the API returns it. {@code token} and {@code installCommand} carry the
 * secret and are present only in the answer to its creation; lists, reads and audit records never have them.
 */
public record EnrollmentTokenView(UUID id, @JsonInclude(JsonInclude.Include.NON_NULL) String token, UUID siteId,
                                  List<String> labels, Instant expiresAt, int maxUses, int uses, String createdBy,
                                  Instant createdAt, Instant revokedAt,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String installCommand) {

    public static EnrollmentTokenView of(EnrollmentToken t) {
        return new EnrollmentTokenView(t.id, null, t.siteId, List.copyOf(t.labels), t.expiresAt, t.maxUses, t.uses,
                t.createdBy, t.createdAt, t.revokedAt, null);
    }

    /** The view of a token just created, with its secret and the one-line install that uses it. */
    static EnrollmentTokenView withSecret(EnrollmentToken t, String secret, String publicUrl) {
        String install = "curl -fsSL " + publicUrl + "/install.sh | sudo sh -s -- --token " + secret;
        return new EnrollmentTokenView(t.id, secret, t.siteId, List.copyOf(t.labels), t.expiresAt, t.maxUses, t.uses,
                t.createdBy, t.createdAt, t.revokedAt, install);
    }
}
