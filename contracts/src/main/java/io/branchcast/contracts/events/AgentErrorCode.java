package io.branchcast.contracts.events;

/**
 * AgentErrorCode is the stable code of a failure an agent reports for a job. Codes cross the wire in agent events and
 * are shown to admins, so they never change meaning; {@code AgentErrorCodeTest} keeps them unique.
 */
public enum AgentErrorCode {
    /** The manifest's signature does not verify with the control plane's key. */
    MANIFEST_SIGNATURE_INVALID("manifest-signature-invalid"),
    /** The origin no longer has the artifact (404/410) or refuses the agent. */
    ARTIFACT_UNAVAILABLE("artifact-unavailable"),
    /** The origin could not be reached after all retries. */
    ORIGIN_UNREACHABLE("origin-unreachable"),
    /** The assembled file's SHA-256 does not match the manifest. */
    CONTENT_MISMATCH("content-mismatch"),
    /** Not enough disk space for the payload. */
    DISK_FULL("disk-full"),
    /** Any other local I/O failure. */
    STORAGE_ERROR("storage-error"),
    /** The job's deadline passed before the download completed. */
    DEADLINE_EXCEEDED("deadline-exceeded"),
    /** An unexpected agent failure; details in the message and the agent log. */
    INTERNAL("internal");

    private final String code;

    AgentErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
