package io.branchcast.controlplane.artifacts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Artifact is one payload (an OS image, say) identified by name and version, with the hashes and signed manifest that
 * let agents fetch and verify it. The bytes themselves live in the {@link ArtifactStorage} under {@link #storageKey}.
 */
@Entity
@Table(name = "artifacts")
public class Artifact extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Unique together with version; validated by {@link ArtifactName}. */
    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ArtifactState state;

    /** Payload length in bytes, > 0; known from the start for registrations. */
    @Column(name = "size_bytes")
    public Long sizeBytes;

    /** SHA-256 of the whole payload, 32 bytes; null until READY. */
    public byte[] sha256;

    /** Bytes per piece (power of two); null until READY. */
    @Column(name = "piece_length")
    public Integer pieceLength;

    @Column(name = "piece_count")
    public Integer pieceCount;

    /** SHA-1 of the bencoded info dictionary, 20 bytes; null until READY. */
    @Column(name = "info_hash")
    public byte[] infoHash;

    /** The signed manifest without web seeds (they are added per request); null until READY. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] manifest;

    /** Where the payload is in the storage; never reused by another artifact. */
    @Column(name = "storage_key", nullable = false)
    public String storageKey;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "ready_at")
    public Instant readyAt;

    /** Why hashing failed; set only in state FAILED. */
    public String failure;

    /** Bytes hashed so far: grows while HASHING, equals sizeBytes once READY. */
    @Column(name = "hashed_bytes", nullable = false)
    public long hashedBytes;
}
