package io.branchcast.devstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** AgentProcess starts a built edge agent as its own process for {@code bin/run} and the system tests. */
public final class AgentProcess {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(1);

    private AgentProcess() {
    }

    /**
     * The JVM options of the packaged launcher ({@code edge-agent/src/packaging/share}: small heap, serial GC, JIT
     * directives), so agents started from a checkout run as installed ones do.
     */
    public static List<String> jvmOptions(Path repo) {
        Path share = repo.resolve("edge-agent/src/packaging/share");
        return List.of("@" + share.resolve("jvm.options"),
                "-XX:CompilerDirectivesFile=" + share.resolve("compiler-directives.json"));
    }

    /** The agent's classpath in a built repository, or a one-line error saying how to build it. */
    public static String classpath(Path repo) {
        Path target = repo.resolve("edge-agent/target");
        Path jar = target.resolve("branchcast-edge-agent-" + version(target) + ".jar");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(target.resolve("lib"))) {
            throw new StackException("the edge agent is not built (" + jar + "): run `mvn -q install -DskipTests` first");
        }
        return jar + File.pathSeparator + target.resolve("lib") + File.separator + "*";
    }

    /** Starts the agent and waits until its status endpoint answers, which it does once enrolled and running. */
    public static ChildProcess start(Path repo, AgentSpec spec) {
        ChildProcess process = launch(repo, spec);
        try {
            Readiness.await("agent " + spec.name(), START_TIMEOUT, process, () -> HttpProbe.isOk(spec.statusUrl()));
        } catch (StackException e) {
            process.stop(Duration.ofSeconds(5));
            throw e;
        }
        return process;
    }

    /** Starts the agent without waiting for it, e.g. to watch it refuse a bad enrollment token. */
    public static ChildProcess launch(Path repo, AgentSpec spec) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions(repo));
        command.addAll(List.of("-cp", classpath(repo), "io.branchcast.agent.AgentMain"));
        command.addAll(spec.runOptions());
        try {
            Files.createDirectories(spec.stateDir().getParent());
        } catch (java.io.IOException e) {
            throw new StackException("cannot create " + spec.stateDir().getParent() + ": " + e.getMessage(), e);
        }
        return ChildProcess.start("agent " + spec.name(), command, spec.stateDir().getParent(), Map.of(),
                spec.stateDir().resolveSibling(spec.name() + ".log"));
    }

    private static String version(Path target) {
        try (var jars = Files.list(target)) {
            return jars.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("branchcast-edge-agent-") && n.endsWith(".jar"))
                    .map(n -> n.substring("branchcast-edge-agent-".length(), n.length() - ".jar".length()))
                    .filter(v -> !v.endsWith("-tests") && !v.endsWith("-sources"))
                    .findFirst()
                    .orElse("missing");
        } catch (java.io.IOException e) {
            return "missing";
        }
    }
}
