package io.branchcast.agent.simulation;

import io.branchcast.agent.AgentMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * AgentProcess is one real agent JVM ({@code AgentMain swarm ...}) started from the test class path, with its stdout
 * lines collected for assertions and its stderr in a log file. It waits for stdout lines by predicate, without
 * polling, and can be killed hard ({@code kill -9}) to simulate a crash.
 */
final class AgentProcess {

    /** The installed agent's JVM options (the module directory is the tests' working directory). */
    static final List<String> JVM_OPTIONS =
            io.branchcast.devstack.AgentProcess.jvmOptions(Path.of("..").toAbsolutePath().normalize());

    final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    /** Line waiters; guarded by this. */
    private final List<Waiter> waiters = new ArrayList<>();

    private record Waiter(Predicate<String> match, CompletableFuture<String> result) {
    }

    private AgentProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::readStdout, "stdout-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static AgentProcess start(String name, List<String> args, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AgentMain.class.getName());
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            return new AgentProcess(name, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first stdout line (past or future) matching the predicate. */
    String await(Predicate<String> match, Duration timeout) throws Exception {
        CompletableFuture<String> result = new CompletableFuture<>();
        synchronized (this) {
            for (String line : lines) {
                if (match.test(line)) {
                    return line;
                }
            }
            waiters.add(new Waiter(match, result));
        }
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(name + ": no matching line within " + timeout + "; saw " + lines, e);
        }
    }

    /** Waits for the {@code complete ...} line and returns its key=value pairs. */
    Map<String, String> awaitComplete(Duration timeout) throws Exception {
        return fields(await(line -> line.startsWith("complete ") || line.startsWith("failed "), timeout));
    }

    static Map<String, String> fields(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String token : line.split(" ")) {
            int equals = token.indexOf('=');
            if (equals > 0) {
                fields.put(token.substring(0, equals), token.substring(equals + 1));
            }
        }
        return fields;
    }

    /** kill -9. */
    void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then kill -9 if it does not end in time. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            crash();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (this) {
                    lines.add(line);
                    for (Waiter waiter : List.copyOf(waiters)) {
                        if (waiter.match.test(line)) {
                            waiters.remove(waiter);
                            waiter.result.complete(line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the process ended; waiters time out with the lines seen so far
        }
    }
}
