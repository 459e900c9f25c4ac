package io.branchcast.agent.install;

import io.branchcast.agent.install.InstallScript.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the jlink module list (dist.modules in pom.xml): when a new dependency links to a JDK module the runtime
 * lacks, this fails with its name instead of a workstation failing with NoClassDefFoundError.
 */
class JlinkModulesIT {

    /** Modules jdeps reports that the agent never loads, and why leaving them out is safe. */
    private static final Map<String, String> NOT_BUNDLED = Map.of(
            "java.desktop", "jackson-databind's java.beans support, loaded only when present",
            "java.sql", "jackson-databind's java.sql date types, looked up by name",
            "java.xml", "jackson-databind's DOM serializers, looked up by name",
            "java.compiler", "the Vert.x code generation annotations, used at compile time");

    @TempDir
    Path work;

    @Test
    void theRuntimeHasEveryModuleTheAgentsJarsLinkTo() throws Exception {
        Path target = Path.of(System.getProperty("branchcast.dist.dir")).getParent();
        Path mainJar = target.resolve("branchcast-edge-agent-" + System.getProperty("branchcast.project.version")
                + ".jar");
        assertThat(mainJar).isRegularFile();
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");

        Run run = Run.of(List.of(jdeps.toString(), "--print-module-deps", "--ignore-missing-deps",
                "--multi-release", "17", "--class-path", target.resolve("lib") + "/*", mainJar.toString()), work);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Set<String> needed = new TreeSet<>(Arrays.asList(run.stdout().strip().split(",")));
        needed.removeAll(NOT_BUNDLED.keySet());
        Set<String> bundled = Set.of(System.getProperty("branchcast.dist.modules").split(","));
        assertThat(bundled).as("dist.modules in edge-agent/pom.xml").containsAll(needed);
        assertThat(Files.isDirectory(target.resolve("dist-work/runtime"))).isTrue();
    }
}
