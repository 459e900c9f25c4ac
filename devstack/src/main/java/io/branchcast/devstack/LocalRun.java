package io.branchcast.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * LocalRun is {@code bin/run}: the stack, then the control plane (which serves the console), each in its own process,
 * until Ctrl-C stops them all in reverse order. Ports default to the well-known ones and are overridable by
 * environment variables (see README).
 */
final class LocalRun {

    private LocalRun() {
    }

    static void run(CommandLine cli) {
        Path repo = Path.of(cli.required("--repo")).toAbsolutePath();
        StackSettings settings = cli.settings(5432, 9092, 8180, repo.resolve(".stack/run"));
        int httpPort = StackSettings.intSetting(System.getenv(), "BRANCHCAST_HTTP_PORT", 8080);
        Ports.requireFree(settings.host(), httpPort, "control plane", "BRANCHCAST_HTTP_PORT");
        Path controlPlaneJar = ControlPlaneProcess.jar(repo);

        CountDownLatch crashed = new CountDownLatch(1);
        Deque<ChildProcess> apps = new ArrayDeque<>();
        System.out.println("branchcast: starting PostgreSQL, Keycloak and Kafka (the first start unpacks and builds Keycloak: about 2 minutes)");
        LocalStack stack = LocalStack.start(settings, crash -> {
            System.err.println("branchcast: !!! " + crash);
            crashed.countDown();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("branchcast: stopping");
            apps.forEach(app -> app.stop(Duration.ofSeconds(15)));
            stack.close();
        }, "branchcast-run-stop"));

        StackInfo info = stack.info();
        String baseUrl = "http://" + settings.host() + ":" + httpPort;
        ChildProcess controlPlane = ControlPlaneProcess.start(controlPlaneJar, info, settings.host(), httpPort,
                settings.dataDir(), List.of("-Xmx512m"));
        apps.push(controlPlane);
        controlPlane.onCrash(crash -> {
            System.err.println("branchcast: !!! " + crash);
            crashed.countDown();
        });

        int agentCount = LocalAgents.count(System.getenv());
        if (agentCount > 0) {
            System.out.println("branchcast: starting " + agentCount + " edge agents on 127.0.0.2 to 127.0.0." + (agentCount + 1));
            ControlPlaneApi admin = ControlPlaneApi.signIn(baseUrl, info, "admin", "admin");
            for (AgentSpec spec : LocalAgents.prepare(agentCount, settings.dataDir().resolve("agents"), admin)) {
                ChildProcess agent = AgentProcess.start(repo, spec);
                apps.push(agent);
                agent.onCrash(crash -> System.err.println("branchcast: !!! " + crash));
            }
        }

        System.out.println("""

                Branchcast is running.
                  Console:        %1$s/
                  API (OpenAPI):  %1$s/q/swagger-ui
                  Keycloak:       %2$s/admin  (master realm: admin / admin)
                  Demo logins (realm branchcast, demo only): admin/admin, operator/operator, viewer/viewer
                  Edge agents:    %4$d in the site "Local office" (status: bin/branchcast-agent status --status-url http://127.0.0.2:7666/status)
                  Logs and data:  %3$s
                Press Ctrl-C to stop everything.
                """.formatted(baseUrl, info.keycloakUrl(), settings.dataDir(), agentCount));
        DevStackMain.awaitCrash(crashed);
        System.exit(2);
    }
}
