package io.branchcast.agent.install;

import io.branchcast.agent.install.InstallScript.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the built .deb without installing it on the build host: its metadata, the tree it installs, that the agent
 * in it runs, and that systemd accepts its unit.
 */
class DebPackageIT {

    @TempDir
    Path work;

    private Path deb;
    private Path tree;

    @BeforeEach
    void unpack() throws Exception {
        String debVersion = System.getProperty("branchcast.project.version").replace("-SNAPSHOT", "~SNAPSHOT");
        deb = Path.of(System.getProperty("branchcast.dist.dir"), "branchcast-agent_" + debVersion + "_amd64.deb");
        assertThat(deb).as("built by the package phase (src/packaging/build-dist.sh)").isRegularFile();
        tree = work.resolve("tree");
        succeed("dpkg-deb", "-x", deb.toString(), tree.toString());
    }

    @Test
    void metadataNamesThePackageItsVersionAndTheLibrariesTheRuntimeLinks() throws Exception {
        String fields = succeed("dpkg-deb", "-f", deb.toString(), "Package", "Version", "Architecture", "Depends");

        assertThat(fields).contains("Package: branchcast-agent")
                .contains("Version: " + System.getProperty("branchcast.project.version").replace("-SNAPSHOT", "~SNAPSHOT"))
                .contains("Architecture: amd64")
                .contains("Depends: adduser, libc6, libgcc-s1, libstdc++6, zlib1g");
    }

    @Test
    void installsTheAgentUnderOptWithItsUnitAndCommand() throws Exception {
        Path home = tree.resolve("opt/branchcast-agent");
        assertThat(home.resolve("bin/branchcast-agent")).isExecutable();
        assertThat(home.resolve("runtime/bin/java")).isExecutable();
        assertThat(tree.resolve("lib/systemd/system/branchcast-agent.service"))
                .hasSameTextualContentAs(home.resolve("share/branchcast-agent/branchcast-agent.service"));
        assertThat(Files.readSymbolicLink(tree.resolve("usr/bin/branchcast-agent")))
                .isEqualTo(Path.of("/opt/branchcast-agent/bin/branchcast-agent"));

        assertThat(succeed(home.resolve("bin/branchcast-agent").toString(), "--version"))
                .contains(System.getProperty("branchcast.project.version"));
    }

    @Test
    void maintainerScriptsAreExecutableShellThatStartsNothingWithoutConfiguration() throws Exception {
        Path control = work.resolve("control");
        succeed("dpkg-deb", "-e", deb.toString(), control.toString());

        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertThat(control.resolve(script)).isExecutable();
            succeed("sh", "-n", control.resolve(script).toString());
        }
        assertThat(Files.readString(control.resolve("postinst")))
                .contains("if [ -f \"$config\" ]; then\n      systemctl enable branchcast-agent.service");
    }

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Path home = tree.resolve("opt/branchcast-agent");
        String unit = Files.readString(tree.resolve("lib/systemd/system/branchcast-agent.service"));
        // verify checks that ExecStart exists, so it points at the unpacked tree; every other line is the shipped one
        Path check = Files.writeString(work.resolve("branchcast-agent-check.service"),
                unit.replace("/opt/branchcast-agent", home.toString()));

        Run verify = Run.of(List.of("systemd-analyze", "verify", check.toString()), work);

        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.stderr()).as("unknown or invalid directives").isEmpty();
    }

    private String succeed(String... command) throws IOException, InterruptedException {
        Run run = Run.of(List.of(command), work);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.stdout();
    }
}
