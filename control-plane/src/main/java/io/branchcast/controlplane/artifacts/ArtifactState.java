package io.branchcast.controlplane.artifacts;

/**
 * ArtifactState is the life cycle of an artifact: a registered file is HASHING until its manifest exists (READY) or
 * hashing failed (FAILED); an upload is hashed while it streams and starts READY. DELETED keeps the record of a payload
 * that finished jobs still name, after its file was removed.
 */
public enum ArtifactState {
    HASHING,
    READY,
    FAILED,
    DELETED
}
