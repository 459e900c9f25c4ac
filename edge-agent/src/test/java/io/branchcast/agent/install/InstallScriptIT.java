package io.branchcast.agent.install;

import io.branchcast.agent.install.InstallScript.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real install.sh against the freshly built tarball served over loopback HTTP, into a temporary root with
 * --no-start: the layout and permissions it leaves, the bundled runtime, upgrades in place, uninstall and purge, and
 * the failures an admin may meet (no token, a bad token, an HTTP error, a broken or hostile download).
 */
class InstallScriptIT {

    private static final String TOKEN = "bct_" + "A".repeat(21) + "-_" + "z9".repeat(10);
    private static final int NOBODY = 65534;
    private static final String PACKAGE = "branchcast-agent-linux-x64.tar.gz";

    @TempDir
    Path work;

    private DownloadServer server;
    private InstallScript script;
    private Path root;
    private Path agentHome;

    @BeforeEach
    void serveTheBuiltPackage() throws IOException {
        server = new DownloadServer("127.0.0.61");
        server.respond(200, "application/gzip", Files.readAllBytes(builtPackage()));
        script = new InstallScript(server.url(), work);
        root = Files.createDirectories(work.resolve("root"));
        agentHome = root.resolve("opt/branchcast-agent");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void installsTheLayoutWithOwnerOnlyConfigurationAndAWorkingBundledRuntime() throws Exception {
        Run run = script.run("--token", TOKEN, "--root", root.toString(), "--no-start", "--bind-address", "127.0.0.61");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(agentHome.resolve("bin/branchcast-agent")).isExecutable();
        assertThat(agentHome.resolve("runtime/bin/java")).isExecutable();
        assertThat(listNames(agentHome.resolve("lib"))).anyMatch(name -> name.startsWith("branchcast-edge-agent-"));
        assertThat(agentHome.resolve("share/branchcast-agent/agent.properties.example")).isRegularFile();
        assertThat(Files.readSymbolicLink(root.resolve("usr/local/bin/branchcast-agent")))
                .isEqualTo(Path.of("/opt/branchcast-agent/bin/branchcast-agent"));
        assertThat(Files.readString(root.resolve("etc/systemd/system/branchcast-agent.service")))
                .contains("ExecStart=/opt/branchcast-agent/bin/branchcast-agent run --config "
                        + "/etc/branchcast-agent/agent.properties")
                .contains("User=branchcast-agent");
        assertThat(root.resolve("usr/lib/sysusers.d/branchcast-agent.conf")).isRegularFile();

        Path config = root.resolve("etc/branchcast-agent/agent.properties");
        assertThat(permissions(config)).isEqualTo("rw-------");
        assertThat(permissions(config.getParent())).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("var/lib/branchcast-agent"))).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("etc"))).isEqualTo("rwxr-xr-x");
        Properties properties = load(config);
        assertThat(properties.getProperty("control-plane.url")).isEqualTo(server.url().toString());
        assertThat(properties.getProperty("enrollment.token")).isEqualTo(TOKEN);
        assertThat(properties.getProperty("bind.address")).isEqualTo("127.0.0.61");
        assertThat(properties.getProperty("state.dir")).isEqualTo("/var/lib/branchcast-agent");
        assertThat(run.stdout()).contains("--state.dir " + root.resolve("var/lib/branchcast-agent"));

        Run version = Run.of(List.of(agentHome.resolve("bin/branchcast-agent").toString(), "--version"), work);
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.stdout()).contains(System.getProperty("branchcast.project.version"));
        assertThat(bundledModules()).isEqualTo(new TreeSet<>(Arrays.asList(
                System.getProperty("branchcast.dist.modules").split(","))));
    }

    @Test
    void theBundledRuntimeSignsAndHashesAManifest() throws Exception {
        assertThat(script.run("--token", TOKEN, "--root", root.toString(), "--no-start").exitCode()).isZero();
        Path payload = Files.write(work.resolve("payload.bin"), new byte[100_000]);

        Run manifest = Run.of(List.of(agentHome.resolve("bin/branchcast-agent").toString(), "manifest",
                "--file", payload.toString(), "--out", work.resolve("payload.manifest").toString(),
                "--key-out", work.resolve("payload.key").toString(), "--piece-length-kib", "16"), work);

        assertThat(manifest.exitCode()).as("Ed25519 and SHA hashing in the jlink runtime: " + manifest).isZero();
        assertThat(manifest.stdout()).contains("pieces=7");
    }

    @Test
    void aSecondRunUpgradesInPlaceAndKeepsConfigurationAndState() throws Exception {
        assertThat(script.run("--token", TOKEN, "--root", root.toString(), "--no-start").exitCode()).isZero();
        Path credentials = Files.writeString(root.resolve("var/lib/branchcast-agent/credentials.json"), "{}");
        Path stale = Files.writeString(agentHome.resolve("lib/left-over-from-an-old-version.jar"), "");

        Run again = script.run("--root", root.toString(), "--no-start", "--bind-address", "::1");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(credentials).hasContent("{}");
        assertThat(stale).doesNotExist();
        Properties properties = load(root.resolve("etc/branchcast-agent/agent.properties"));
        assertThat(properties.getProperty("enrollment.token")).isEqualTo(TOKEN);
        assertThat(properties.getProperty("bind.address")).isEqualTo("::1");
        assertThat(Files.readAllLines(root.resolve("etc/branchcast-agent/agent.properties")))
                .filteredOn(line -> line.startsWith("bind.address=") || line.startsWith("control-plane.url="))
                .hasSize(2);
        assertThat(agentHome.resolve("runtime/bin/java")).isExecutable();
        assertThat(root.resolve("opt/branchcast-agent.new")).doesNotExist();
        assertThat(root.resolve("opt/branchcast-agent.old")).doesNotExist();
    }

    @Test
    void uninstallKeepsConfigurationAndStateAndPurgeRemovesEverything() throws Exception {
        assertThat(script.run("--token", TOKEN, "--root", root.toString(), "--no-start").exitCode()).isZero();

        Run uninstall = script.run("--uninstall", "--root", root.toString());

        assertThat(uninstall.exitCode()).as(uninstall.toString()).isZero();
        assertThat(agentHome).doesNotExist();
        assertThat(root.resolve("etc/systemd/system/branchcast-agent.service")).doesNotExist();
        assertThat(root.resolve("usr/local/bin/branchcast-agent")).doesNotExist();
        assertThat(root.resolve("etc/branchcast-agent/agent.properties")).exists();
        assertThat(root.resolve("var/lib/branchcast-agent")).exists();

        Run purge = script.run("--uninstall", "--purge", "--root", root.toString());

        assertThat(purge.exitCode()).as(purge.toString()).isZero();
        assertThat(root.resolve("etc/branchcast-agent")).doesNotExist();
        assertThat(root.resolve("var/lib/branchcast-agent")).doesNotExist();
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).as("files left after purge").isEmpty();
        }
    }

    @Test
    void uninstallRefusesToDeleteAPrefixThatIsNoAgentInstallation() throws Exception {
        Path precious = Files.createDirectories(root.resolve("srv/data"));
        Files.writeString(precious.resolve("keep.txt"), "mine");

        Run run = script.run("--uninstall", "--root", root.toString(), "--prefix", "/srv/data");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("does not look like an agent installation");
        assertThat(precious.resolve("keep.txt")).hasContent("mine");
    }

    @Test
    void aFirstInstallWithoutTokenFailsAndInstallsNothing() throws Exception {
        Run run = script.run("--root", root.toString(), "--no-start");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("--token is required");
        assertThat(listNames(root)).isEmpty();
    }

    @Test
    void aTokenThatCouldInjectConfigurationIsRefused() throws Exception {
        Run run = script.run("--token", "bct_x\ncontrol-plane.url=http://evil.example", "--root", root.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("the token must look like bct_");
        assertThat(listNames(root)).isEmpty();
    }

    @Test
    void anHttpErrorShowsTheControlPlanesProblemDetail() throws Exception {
        server.respond(404, "application/problem+json", ("{\"type\":\"about:blank\",\"title\":\"Not Found\","
                + "\"status\":404,\"detail\":\"the agent package is not built on this control plane\","
                + "\"code\":\"not-found\"}").getBytes(StandardCharsets.UTF_8));

        Run run = script.run("--token", TOKEN, "--root", root.toString(), "--no-start");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("HTTP 404")
                .contains("Not Found: the agent package is not built on this control plane");
        assertThat(listNames(root)).isEmpty();
    }

    @Test
    void anUnreachableControlPlaneIsNamed() throws Exception {
        String closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.61"))) {
            closed = "http://127.0.0.61:" + socket.getLocalPort();
        }

        Run run = script.run("--token", TOKEN, "--root", root.toString(), "--control-plane-url", closed);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("cannot reach the control plane at " + closed);
    }

    @Test
    void aCorruptDownloadIsRefused() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        server.respond(200, "application/gzip", garbage);

        Run run = script.run("--token", TOKEN, "--root", root.toString(), "--no-start");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("not a gzip file");
        assertThat(listNames(root)).isEmpty();
    }

    @Test
    void aGzipThatIsNoTarIsRefused() throws Exception {
        server.respond(200, "application/gzip", gzip("just text, no tar archive".getBytes(StandardCharsets.UTF_8)));

        Run run = script.run("--token", TOKEN, "--root", root.toString(), "--no-start");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("not a tar archive");
    }

    @Test
    void aTarballReachingOutsideItsDirectoryIsRefused() throws Exception {
        Path staging = Files.createDirectories(work.resolve("evil/branchcast-agent"));
        Files.writeString(staging.resolve("payload"), "overwrite me");
        Path evil = work.resolve("evil.tar.gz");
        Run tar = Run.of(List.of("tar", "-C", staging.getParent().toString(), "-czf", evil.toString(),
                "--transform", "s,^branchcast-agent/payload,branchcast-agent/../../etc/passwd,",
                "branchcast-agent/payload"), work);
        assertThat(tar.exitCode()).as(tar.toString()).isZero();
        server.respond(200, "application/gzip", Files.readAllBytes(evil));

        Run run = script.run("--token", TOKEN, "--root", root.toString(), "--no-start");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("paths outside branchcast-agent/");
        assertThat(listNames(root)).isEmpty();
    }

    @Test
    void installingIntoTheLiveRootNeedsRoot() throws Exception {
        Run run = "root".equals(System.getProperty("user.name"))
                ? script.runAs(NOBODY, "--token", TOKEN)
                : script.run("--token", TOKEN);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderr()).contains("needs root");
    }

    private Path builtPackage() {
        Path tarball = Path.of(System.getProperty("branchcast.dist.dir")).resolve(PACKAGE);
        assertThat(tarball).as("built by the package phase (src/packaging/build-dist.sh)").isRegularFile();
        return tarball;
    }

    private Set<String> bundledModules() throws IOException, InterruptedException {
        Run modules = Run.of(List.of(agentHome.resolve("runtime/bin/java").toString(), "--list-modules"), work);
        assertThat(modules.exitCode()).as(modules.toString()).isZero();
        Set<String> names = new TreeSet<>();
        modules.stdout().lines().forEach(line -> names.add(line.replaceFirst("@.*", "")));
        return names;
    }

    private static Set<String> listNames(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            Set<String> names = new TreeSet<>();
            files.forEach(file -> names.add(file.getFileName().toString()));
            return names;
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
