package io.branchcast.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ControlPlaneProcess starts the built control plane (Quarkus fast-jar) against a running stack and waits until it is ready. */
public final class ControlPlaneProcess {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private ControlPlaneProcess() {
    }

    /** The fast-jar of a built control plane in the repository, or a one-line error saying how to build it. */
    public static Path jar(Path repo) {
        Path jar = repo.resolve("control-plane/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new StackException("the control plane is not built (" + jar + "): run `mvn -q install -DskipTests` first");
        }
        return jar;
    }

    public static ChildProcess start(Path jar, StackInfo stack, String host, int port, Path dataDir, List<String> jvmOptions) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        ControlPlaneConfig.forStack(stack, dataDir.resolve("artifacts"))
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.host=" + host);
        command.add("-Dquarkus.http.port=" + port);
        command.addAll(List.of("-jar", jar.toString()));
        ChildProcess process = ChildProcess.start("control plane", command, dataDir, Map.of(),
                dataDir.resolve("logs/control-plane.log"));
        try {
            Readiness.await("control plane", START_TIMEOUT, process,
                    () -> HttpProbe.isOk("http://" + host + ":" + port + "/q/health/ready"));
        } catch (StackException e) {
            process.stop(Duration.ofSeconds(10));
            throw e;
        }
        return process;
    }
}
