package io.branchcast.controlplane.install;

import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentPackagesTest {

    private static AgentPackages in(Optional<String> distDir) {
        AgentPackages packages = new AgentPackages();
        packages.config = () -> distDir;
        return packages;
    }

    @Test
    void withoutADistributionDirectoryEveryPackageIsNotFoundWithAReason() {
        assertThatThrownBy(() -> in(Optional.empty()).find(AgentPackages.TARBALL))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("the agent package was not built/installed on this control plane");
    }

    @Test
    void findsTheTarballAndDebianPackagesOfAnyVersion(@TempDir Path dist) throws IOException {
        Files.writeString(dist.resolve(AgentPackages.TARBALL), "tar");
        Files.writeString(dist.resolve("branchcast-agent_0.1.0~rc1+b2_amd64.deb"), "deb");
        AgentPackages packages = in(Optional.of(dist.toString()));
        assertThat(packages.find(AgentPackages.TARBALL)).hasContent("tar");
        assertThat(packages.find("branchcast-agent_0.1.0~rc1+b2_amd64.deb")).hasContent("deb");
        assertThat(AgentPackages.mediaType("branchcast-agent_0.1.0_amd64.deb")).isEqualTo("application/vnd.debian.binary-package");
    }

    @Test
    void namesOutsideTheAllowListNeverReachTheFileSystem(@TempDir Path root) throws IOException {
        Path dist = Files.createDirectory(root.resolve("dist"));
        Files.writeString(root.resolve("secret.txt"), "secret");
        Files.writeString(dist.resolve("notes.txt"), "notes");
        AgentPackages packages = in(Optional.of(dist.toString()));
        for (String name : new String[]{"../secret.txt", "notes.txt", root.resolve("secret.txt").toString(), "",
                "branchcast-agent_../../secret_amd64.deb", "branchcast-agent_.._amd64.deb", "branchcast-agent-linux-x64.tar.gz/.."}) {
            assertThatThrownBy(() -> packages.find(name)).as(name)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                    .hasMessageContaining("there is no download named");
        }
    }

    @Test
    void aSymbolicLinkIsNotServedEvenUnderAnAllowedName(@TempDir Path root) throws IOException {
        Path dist = Files.createDirectory(root.resolve("dist"));
        Files.writeString(root.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(dist.resolve(AgentPackages.TARBALL), root.resolve("secret.txt"));
        assertThatThrownBy(() -> in(Optional.of(dist.toString())).find(AgentPackages.TARBALL))
                .hasMessageContaining("was not built/installed");
    }
}
