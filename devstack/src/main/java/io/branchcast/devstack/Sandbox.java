package io.branchcast.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sandbox is a throw-away Branchcast for a benchmark or the system tests: a fresh stack on free loopback ports in a
 * temporary directory, and the built control plane, started on demand and stopped at the end.
 */
public final class Sandbox implements AutoCloseable {

    private final LocalStack servers;
    private final Path dataDir;
    private final String label;
    private ChildProcess controlPlane;
    private int httpPort;

    private Sandbox(LocalStack servers, Path dataDir, String label) {
        this.servers = servers;
        this.dataDir = dataDir;
        this.label = label;
    }

    /** Starts PostgreSQL, Keycloak and Kafka; {@code label} prefixes the messages and the temporary directory. */
    public static Sandbox start(String label) {
        try {
            Path dataDir = Files.createTempDirectory("branchcast-" + label);
            String host = StackSettings.HOST;
            StackSettings settings = new StackSettings(host, Ports.freeRange(host, 1), Ports.freeRange(host, 3),
                    Ports.freeRange(host, 1), dataDir, StackSettings.cacheDir(System.getenv()));
            System.out.println(label + ": starting PostgreSQL, Keycloak and Kafka in " + dataDir);
            LocalStack servers = LocalStack.start(settings, crash -> System.err.println(label + ": !!! " + crash));
            return new Sandbox(servers, dataDir, label);
        } catch (IOException e) {
            throw new StackException("cannot create a temporary directory for the " + label + " stack: " + e.getMessage(), e);
        }
    }

    /** Starts the control plane with extra JVM options; the database schema exists once this returns. */
    public String startControlPlane(Path repo, List<String> jvmOptions) {
        httpPort = Ports.freeRange(StackSettings.HOST, 1);
        System.out.println(label + ": starting the control plane on port " + httpPort);
        List<String> options = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseParallelGC",
                "-Dbranchcast.public-url=" + baseUrl()));
        options.addAll(jvmOptions);
        controlPlane = ControlPlaneProcess.start(ControlPlaneProcess.jar(repo), stack(), StackSettings.HOST, httpPort,
                dataDir, options);
        return baseUrl();
    }

    public void stopControlPlane() {
        controlPlane.stop(Duration.ofSeconds(15));
        controlPlane = null;
    }

    public StackInfo stack() {
        return servers.info();
    }

    /** The running servers, e.g. to stop and restart Kafka. */
    public LocalStack servers() {
        return servers;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String baseUrl() {
        return "http://" + StackSettings.HOST + ":" + httpPort;
    }

    public Connection database() throws SQLException {
        StackInfo stack = stack();
        return DriverManager.getConnection(stack.postgresUrl(), stack.postgresUser(), stack.postgresPassword());
    }

    @Override
    public void close() {
        if (controlPlane != null) {
            controlPlane.stop(Duration.ofSeconds(15));
        }
        servers.close();
    }
}
