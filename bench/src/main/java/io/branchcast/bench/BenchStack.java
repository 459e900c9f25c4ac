package io.branchcast.bench;

import io.branchcast.devstack.ChildProcess;
import io.branchcast.devstack.ControlPlaneProcess;
import io.branchcast.devstack.LocalStack;
import io.branchcast.devstack.Ports;
import io.branchcast.devstack.StackInfo;
import io.branchcast.devstack.StackSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * BenchStack is a throw-away Branchcast for one benchmark run: a fresh stack on free loopback ports in a temporary
 * directory, and the built control plane, started on demand and stopped at the end.
 */
final class BenchStack implements AutoCloseable {

    final StackInfo stack;
    final Path dataDir;
    private final LocalStack servers;
    private ChildProcess controlPlane;
    private int httpPort;

    private BenchStack(LocalStack servers, Path dataDir) {
        this.servers = servers;
        this.stack = servers.info();
        this.dataDir = dataDir;
    }

    static BenchStack start() throws IOException {
        Path dataDir = Files.createTempDirectory("branchcast-bench");
        String host = StackSettings.HOST;
        StackSettings settings = new StackSettings(host, Ports.freeRange(host, 1), Ports.freeRange(host, 3),
                Ports.freeRange(host, 1), dataDir, StackSettings.cacheDir(System.getenv()));
        System.out.println("bench: starting PostgreSQL, Keycloak and Kafka in " + dataDir);
        return new BenchStack(LocalStack.start(settings, crash -> System.err.println("bench: !!! " + crash)), dataDir);
    }

    /** Starts the control plane; the database schema exists once this returns. */
    String startControlPlane(Path repo) {
        httpPort = Ports.freeRange(StackSettings.HOST, 1);
        System.out.println("bench: starting the control plane on port " + httpPort);
        controlPlane = ControlPlaneProcess.start(ControlPlaneProcess.jar(repo), stack, StackSettings.HOST, httpPort,
                dataDir, List.of("-Xmx512m", "-XX:+UseParallelGC"));
        return baseUrl();
    }

    void stopControlPlane() {
        controlPlane.stop(Duration.ofSeconds(15));
        controlPlane = null;
    }

    String baseUrl() {
        return "http://" + StackSettings.HOST + ":" + httpPort;
    }

    Connection database() throws SQLException {
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
