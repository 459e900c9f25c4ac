package io.branchcast.controlplane.artifacts;

import io.branchcast.contracts.manifest.Manifest;
import io.branchcast.contracts.manifest.PieceHashes;
import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;
import io.branchcast.controlplane.audit.AuditLog;
import io.branchcast.controlplane.security.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * ArtifactRecords writes artifact rows, each change in one transaction together with its audit event. It never
 * touches payload bytes except to adopt a registered file inside the registering transaction.
 */
@ApplicationScoped
public class ArtifactRecords {

    /** Actor of the audit events the control plane causes itself (hashing outcomes). */
    static final String SYSTEM_ACTOR = "control-plane";
    private static final String ACTIVE_JOB_STATES = "('DRAFT','SCHEDULED','RUNNING','PAUSED')";

    @Inject
    ArtifactRepository artifacts;

    @Inject
    ArtifactStorage storage;

    @Inject
    SigningKey signingKey;

    @Inject
    AuditLog audit;

    @Inject
    CurrentActor actor;

    @Inject
    EntityManager em;

    public Artifact get(UUID id) {
        return artifacts.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("artifact", id));
    }

    /** Fails with 409 if the name and version are taken, so a client learns it before streaming gigabytes. */
    public void requireUnused(ArtifactCoordinates coordinates) {
        if (artifacts.exists(coordinates.name(), coordinates.version())) {
            throw duplicate(coordinates);
        }
    }

    /** Records a stored, hashed upload as READY with its signed manifest. */
    @Transactional
    public Artifact recordUpload(UUID id, ArtifactCoordinates coordinates, String storageKey, PieceHashes hashes) {
        Artifact artifact = newArtifact(id, coordinates, storageKey, hashes.length());
        applyHashes(artifact, hashes);
        insert(artifact, coordinates);
        audit.record("artifact.upload", "artifact", id, null, ArtifactView.of(artifact));
        return artifact;
    }

    /** Records a registration as HASHING and moves the file into the storage, both or neither. */
    @Transactional
    public Artifact recordRegistration(UUID id, ArtifactCoordinates coordinates, Path file, long size) {
        Artifact artifact = newArtifact(id, coordinates, id.toString(), size);
        artifact.state = ArtifactState.HASHING;
        insert(artifact, coordinates);
        audit.record("artifact.register", "artifact", id, null, ArtifactView.of(artifact));
        try {
            storage.adopt(file, artifact.storageKey);
        } catch (AtomicMoveNotSupportedException e) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "the import directory is not on "
                    + "the artifact volume, so the file cannot be moved into the store without copying it");
        } catch (IOException e) {
            throw new UncheckedIOException("could not move " + file + " into the artifact store", e);
        }
        return artifact;
    }

    /** Saves hashing progress of a HASHING artifact; a no-op once it left that state. */
    @Transactional
    public void saveProgress(UUID id, long hashedBytes) {
        em.createQuery("UPDATE Artifact a SET a.hashedBytes = :bytes WHERE a.id = :id AND a.state = :hashing")
                .setParameter("bytes", hashedBytes).setParameter("id", id)
                .setParameter("hashing", ArtifactState.HASHING).executeUpdate();
    }

    /** Completes a HASHING artifact; returns false if it no longer exists or is no longer hashing. */
    @Transactional
    public boolean markReady(UUID id, PieceHashes hashes) {
        Artifact artifact = artifacts.findById(id);
        if (artifact == null || artifact.state != ArtifactState.HASHING) {
            return false;
        }
        ArtifactView before = ArtifactView.of(artifact);
        applyHashes(artifact, hashes);
        audit.recordAs(SYSTEM_ACTOR, "artifact.hashed", "artifact", id, before, ArtifactView.of(artifact));
        return true;
    }

    /** Marks a HASHING artifact FAILED with a reason an operator can act on. */
    @Transactional
    public void markFailed(UUID id, String reason) {
        Artifact artifact = artifacts.findById(id);
        if (artifact == null || artifact.state != ArtifactState.HASHING) {
            return;
        }
        ArtifactView before = ArtifactView.of(artifact);
        artifact.state = ArtifactState.FAILED;
        artifact.failure = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        audit.recordAs(SYSTEM_ACTOR, "artifact.hash-failed", "artifact", id, before, ArtifactView.of(artifact));
    }

    /**
     * Deletes an artifact no active job uses and returns it, so the caller removes its payload after the commit. An
     * artifact that finished jobs still name stays as a DELETED record, keeping their history readable.
     */
    @Transactional
    public Artifact delete(UUID id) {
        Artifact artifact = get(id);
        if (artifact.state == ArtifactState.HASHING) {
            throw ApiException.conflict("artifact " + id + " is still being hashed; delete it once it is READY or FAILED");
        }
        long active = jobCount(id, " AND state IN " + ACTIVE_JOB_STATES);
        if (active > 0) {
            throw ApiException.conflict("artifact " + id + " is used by " + active
                    + " active job(s); let them finish or cancel them first");
        }
        ArtifactView before = ArtifactView.of(artifact);
        if (jobCount(id, "") > 0) {
            artifact.state = ArtifactState.DELETED;
            audit.record("artifact.delete", "artifact", id, before, ArtifactView.of(artifact));
        } else {
            audit.record("artifact.delete", "artifact", id, before, null);
            artifacts.delete(artifact);
        }
        return artifact;
    }

    private long jobCount(UUID artifactId, String condition) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM jobs WHERE artifact_id = ?1" + condition)
                .setParameter(1, artifactId).getSingleResult()).longValue();
    }

    private Artifact newArtifact(UUID id, ArtifactCoordinates coordinates, String storageKey, long size) {
        Artifact artifact = new Artifact();
        artifact.id = id;
        artifact.name = coordinates.name();
        artifact.version = coordinates.version();
        artifact.storageKey = storageKey;
        artifact.sizeBytes = size;
        artifact.createdBy = actor.name();
        artifact.createdAt = Instant.now();
        return artifact;
    }

    private void applyHashes(Artifact artifact, PieceHashes hashes) {
        Manifest manifest = signingKey.signer().sign(hashes, artifact.name, List.of());
        artifact.state = ArtifactState.READY;
        artifact.sizeBytes = hashes.length();
        artifact.hashedBytes = hashes.length();
        artifact.sha256 = hashes.sha256();
        artifact.pieceLength = hashes.pieceLength();
        artifact.pieceCount = manifest.info().pieceCount();
        artifact.infoHash = manifest.infoHash();
        artifact.manifest = manifest.encode();
        artifact.readyAt = Instant.now();
    }

    private void insert(Artifact artifact, ArtifactCoordinates coordinates) {
        try {
            artifacts.persist(artifact);
            artifacts.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw duplicate(coordinates);
            }
            throw e;
        }
    }

    private ApiException duplicate(ArtifactCoordinates coordinates) {
        return ApiException.conflict("artifact '" + coordinates.name() + "' version '" + coordinates.version()
                + "' already exists; versions are immutable, upload under a new version");
    }
}
