package io.branchcast.controlplane.artifacts;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/**
 * ArtifactsConfig is the typed {@code branchcast.artifacts.*} configuration: where payloads live, how large they may
 * be, how they are cut into pieces and which key signs their manifests. docs/artifacts.md documents every key.
 */
@ConfigMapping(prefix = "branchcast.artifacts")
public interface ArtifactsConfig {

    /** Root of the artifact volume; stored payloads go to its {@code objects/} subdirectory. */
    String directory();

    /** Where files to register are dropped; relative registration paths resolve against it. Default: directory/import. */
    Optional<String> importDirectory();

    /** Largest payload accepted by upload or registration. Keep quarkus.http.limits.max-body-size at least this large. */
    @WithDefault("64G")
    MemorySize maxSize();

    /** Bytes that must stay free on the volume after an upload; an upload that would eat into them gets 507. */
    @WithDefault("1G")
    MemorySize freeSpaceReserve();

    /** How payloads are cut into BitTorrent pieces. */
    Pieces pieces();

    /** Ed25519 private key (PKCS#8 PEM) signing manifests; generated with mode 0600 if absent. Default: directory/keys/manifest-signing-key.pem. */
    Optional<String> signingKeyFile();

    /** How many registered files are hashed at the same time. */
    @WithDefault("1")
    int hashingThreads();

    /** Piece length policy: the smallest power of two in [min-length, max-length] giving at most target-count pieces. */
    interface Pieces {

        @WithDefault("256K")
        MemorySize minLength();

        @WithDefault("16M")
        MemorySize maxLength();

        @WithDefault("4000")
        int targetCount();
    }

    default Path root() {
        return Path.of(directory()).toAbsolutePath().normalize();
    }

    default Path importRoot() {
        return importDirectory().map(Path::of).orElse(root().resolve("import")).toAbsolutePath().normalize();
    }

    default Path signingKeyPath() {
        return signingKeyFile().map(Path::of).orElse(root().resolve("keys").resolve("manifest-signing-key.pem"))
                .toAbsolutePath().normalize();
    }
}
