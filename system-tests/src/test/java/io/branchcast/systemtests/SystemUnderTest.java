package io.branchcast.systemtests;

import io.branchcast.devstack.AgentProcess;
import io.branchcast.devstack.AgentSpec;
import io.branchcast.devstack.ChildProcess;
import io.branchcast.devstack.ControlPlaneApi;
import io.branchcast.devstack.Sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SystemUnderTest is the whole product, started once per test JVM: a private stack (the outage test stops its Kafka,
 * which a shared stack must not suffer), the packaged control plane serving the agent package, and an admin client.
 * Agents get their own loopback address each, from 127.0.0.50 up, so they never meet {@code bin/run}'s agents.
 */
final class SystemUnderTest {

    private static final int FIRST_AGENT_HOST = 50;
    private static SystemUnderTest instance;

    final Path repo;
    final Sandbox sandbox;
    final ControlPlaneApi admin;
    private final AtomicInteger nextHost = new AtomicInteger(FIRST_AGENT_HOST);

    private SystemUnderTest(Path repo, Sandbox sandbox, ControlPlaneApi admin) {
        this.repo = repo;
        this.sandbox = sandbox;
        this.admin = admin;
    }

    static synchronized SystemUnderTest get() {
        if (instance == null) {
            Path repo = Path.of(System.getProperty("branchcast.repo", "..")).toAbsolutePath().normalize();
            Sandbox sandbox = Sandbox.start("system-tests");
            Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "system-tests-stop"));
            String baseUrl = sandbox.startControlPlane(repo, List.of(
                    "-Dbranchcast.install.dist-dir=" + repo.resolve("edge-agent/target/dist")));
            instance = new SystemUnderTest(repo, sandbox, ControlPlaneApi.signIn(baseUrl, sandbox.stack(), "admin", "admin"));
        }
        return instance;
    }

    String baseUrl() {
        return sandbox.baseUrl();
    }

    /** A new workstation identity: the next free loopback address, with its state under the sandbox directory. */
    AgentSpec newAgent(String token) {
        int host = nextHost.getAndIncrement();
        String name = "e2e-ws-" + host;
        return new AgentSpec(name, "127.0.0." + host, 6881, 7666,
                sandbox.dataDir().resolve("agents").resolve(name).resolve("state"), baseUrl(), token);
    }

    ChildProcess start(AgentSpec spec) {
        return AgentProcess.start(repo, spec);
    }

    static void stop(ChildProcess agent) {
        agent.stop(Duration.ofSeconds(10));
    }
}
