package io.branchcast.controlplane.install;

import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * AgentPackages finds the agent packages that may be downloaded. Only two names exist: the portable tarball and the
 * Debian package of any version; a name is checked against them before it touches the file system, so no request
 * reaches a file outside the distribution directory.
 */
@ApplicationScoped
public class AgentPackages {

    public static final String TARBALL = "branchcast-agent-linux-x64.tar.gz";
    private static final Pattern DEBIAN_PACKAGE = Pattern.compile("branchcast-agent_[0-9][A-Za-z0-9.+~]{0,63}_amd64\\.deb");

    @Inject
    InstallConfig config;

    /** The package file of that name; 404 for any other name, and when it was not built on this control plane. */
    public Path find(String name) {
        if (!TARBALL.equals(name) && !DEBIAN_PACKAGE.matcher(name).matches()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "there is no download named '" + name + "'; the agent package is "
                    + TARBALL);
        }
        // a symbolic link could lead anywhere: only plain files in the directory itself are served
        return config.distPath().map(dir -> dir.resolve(name))
                .filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, name + ": the agent package was not "
                        + "built/installed on this control plane (branchcast.install.dist-dir names the directory holding it)"));
    }

    public static String mediaType(String name) {
        return name.endsWith(".deb") ? "application/vnd.debian.binary-package" : "application/gzip";
    }
}
