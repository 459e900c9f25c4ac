package io.branchcast.controlplane.install;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/** InstallConfig is the typed {@code branchcast.install.*} configuration; docs/api.md documents every key. */
@ConfigMapping(prefix = "branchcast.install")
public interface InstallConfig {

    /** Directory holding the built agent packages served under /downloads; unset when none were built here. */
    Optional<String> distDir();

    default Optional<Path> distPath() {
        return distDir().map(dir -> Path.of(dir).toAbsolutePath().normalize());
    }
}
