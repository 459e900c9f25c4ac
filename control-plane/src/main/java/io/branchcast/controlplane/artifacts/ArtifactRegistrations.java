package io.branchcast.controlplane.artifacts;

import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.UUID;

/**
 * ArtifactRegistrations turns a file an operator dropped into the import directory into an artifact: it checks that
 * the path stays inside that directory (no absolute paths, no "..", no symbolic link leading out), moves the file into
 * the storage (a rename, never a copy) and leaves the hashing to {@link ArtifactHasher}. It does not read the file.
 */
@ApplicationScoped
public class ArtifactRegistrations {

    @Inject
    ArtifactsConfig config;

    @Inject
    ArtifactRecords records;

    @Inject
    ArtifactHasher hasher;

    @Inject
    Validator validator;

    /** The import directory with symbolic links resolved. */
    private Path importRoot;

    @PostConstruct
    void start() {
        try {
            importRoot = Files.createDirectories(config.importRoot()).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the import directory " + config.importRoot(), e);
        }
    }

    /** Records the artifact as HASHING and queues its hashing; the caller answers 202. */
    public Artifact register(RegistrationRequest request) {
        ArtifactCoordinates coordinates = request.coordinates().validated(validator);
        Path file = resolve(request.path());
        long size = sizeOf(file, request.path());
        long maxSize = config.maxSize().asLongValue();
        if (size > maxSize) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "'" + request.path() + "' has " + size
                    + " bytes; artifacts may be at most " + maxSize + " bytes");
        }
        records.requireUnused(coordinates);
        Artifact artifact = records.recordRegistration(UUID.randomUUID(), coordinates, file, size);
        hasher.submit(artifact.id, artifact.storageKey, size);
        return artifact;
    }

    /** The real path of a regular file inside the import directory, or 422 explaining what is wrong. */
    Path resolve(String relative) {
        Path path;
        try {
            path = Path.of(relative);
        } catch (InvalidPathException e) {
            throw ApiException.invalid("path '" + relative + "' is not a valid file path");
        }
        if (path.isAbsolute()) {
            throw ApiException.invalid("path must be relative to the import directory, got '" + relative + "'");
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw ApiException.invalid("path must not contain '..', got '" + relative + "'");
            }
        }
        Path candidate = importRoot.resolve(path).normalize();
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            throw ApiException.invalid("there is no file '" + relative + "' in the import directory");
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw ApiException.invalid("path '" + relative + "' cannot be resolved: " + e.getMessage());
        }
        if (!real.startsWith(importRoot)) {
            throw ApiException.invalid("path '" + relative + "' leads outside the import directory");
        }
        if (!Files.isRegularFile(real)) {
            throw ApiException.invalid("'" + relative + "' is not a regular file");
        }
        return real;
    }

    private static long sizeOf(Path file, String relative) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw ApiException.invalid("'" + relative + "' is empty; empty files cannot be distributed");
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }
}
